import type { RunResult } from "./runner.worker.js";

const TIMEOUT_MS = 10_000;

/** Runs code in a fresh Worker, so a loop that never ends cannot hang the page. */
function runInWorker(code: string): Promise<RunResult> {
  const worker = new Worker(new URL("./runner.worker.ts", import.meta.url), { type: "module" });
  return new Promise<RunResult>((resolve) => {
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({ checks: [], error: `Stopped after ${TIMEOUT_MS / 1000} s`, unplaced: 0 });
    }, TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<RunResult>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ checks: [], error: event.message || "The example could not start", unplaced: 0 });
    };
    worker.postMessage({ code });
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(output: HTMLElement, result: RunResult): void {
  output.replaceChildren();
  const failed = result.checks.filter((check) => !check.ok).length + (result.error === undefined ? 0 : 1);
  const summary = element(
    "p",
    `rw-summary ${failed === 0 ? "rw-ok" : "rw-bad"}`,
    failed === 0
      ? `✓ ${result.checks.length} of ${result.checks.length} values as the page says`
      : `✗ ${failed} problem${failed === 1 ? "" : "s"} (${result.checks.filter((check) => check.ok).length} of ${result.checks.length} values as the page says)`,
  );
  output.append(summary);
  const list = element("ol", "rw-checks");
  for (const check of result.checks) {
    const item = element("li", check.ok ? "rw-check rw-ok" : "rw-check rw-bad");
    item.dataset.ok = String(check.ok);
    item.append(element("span", "rw-mark", check.ok ? "✓" : "✗"), element("code", "rw-expression", check.expression));
    const values = element("div", "rw-values");
    values.append(element("span", "rw-label", "actual"), element("code", "rw-actual", check.actual));
    if (!check.ok) values.append(element("span", "rw-label", "expected"), element("code", "rw-expected", check.expected));
    item.append(values);
    list.append(item);
  }
  output.append(list);
  if (result.error !== undefined) output.append(element("pre", "rw-error", result.error));
}

function enhance(container: HTMLElement): void {
  const code = container.querySelector("pre code");
  if (code === null) return;
  const original = code.textContent ?? "";
  const bar = element("div", "rw-bar");
  const runButton = element("button", "rw-run", "Run");
  runButton.type = "button";
  const editButton = element("button", "rw-edit", "Edit");
  editButton.type = "button";
  const resetButton = element("button", "rw-reset", "Reset");
  resetButton.type = "button";
  resetButton.hidden = true;
  const editor = element("textarea", "rw-editor");
  editor.value = original;
  editor.spellcheck = false;
  editor.hidden = true;
  editor.setAttribute("aria-label", "Example code");
  editor.rows = Math.min(40, original.split("\n").length + 1);
  const output = element("div", "rw-output");
  output.setAttribute("aria-live", "polite");
  output.setAttribute("role", "status");
  bar.append(runButton, editButton, resetButton);
  container.append(editor, bar, output);

  const highlighted = container.querySelector<HTMLElement>('div[class*="language-"]');
  editButton.addEventListener("click", () => {
    // The editor takes the place of the highlighted code.
    if (highlighted !== null) highlighted.hidden = true;
    editor.hidden = false;
    resetButton.hidden = false;
    editButton.hidden = true;
    editor.focus();
  });
  resetButton.addEventListener("click", () => {
    editor.value = original;
  });
  runButton.addEventListener("click", () => {
    runButton.disabled = true;
    output.textContent = "Running…";
    container.dataset.state = "running";
    void runInWorker(editor.hidden ? original : editor.value).then((result) => {
      render(output, result);
      container.dataset.state = result.error === undefined && result.checks.every((check) => check.ok) ? "ok" : "bad";
      runButton.disabled = false;
    });
  });
  container.dataset.ready = "true";
}

/** Gives every example of the page a Run button, an editor and an announced result. */
export function enhanceExamples(root: Document): void {
  for (const container of root.querySelectorAll<HTMLElement>(".rw-example:not([data-ready])")) enhance(container);
}
