import type MarkdownIt from "markdown-it";

/** Wraps every `ts` block of a guide in a container the theme turns into a runnable example. */
export function runnableExamples(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence;
  if (fence === undefined) return;
  md.renderer.rules.fence = (tokens, index, options, env: { relativePath?: string }, self) => {
    const html = fence(tokens, index, options, env, self);
    const info = tokens[index]?.info.trim() ?? "";
    const page = env.relativePath ?? "";
    if (!/^(ts|typescript)$/.test(info) || page.startsWith("reference/")) return html;
    return `<div class="rw-example">${html}</div>`;
  };
}
