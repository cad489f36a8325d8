// Builds the docs site, serves it on localhost and drives Debian's Chromium through
// every guide: no console errors, every example's Run gives the values the page
// says, no request leaves localhost, no serious accessibility violations.
// Usage: node scripts/test-browser.mjs [--no-build]
/* global document, window -- the callbacks passed to page.evaluate run in the page */
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../", import.meta.url));
const siteDir = join(root, "site-dist");
const artefacts = join(root, "artefacts");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!process.argv.includes("--no-build")) execFileSync("npm", ["run", "docs:build"], { cwd: root, stdio: "inherit" });
mkdirSync(artefacts, { recursive: true });

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

/** The built site, with VitePress's clean URLs (`/matching` is `matching.html`). */
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
  const candidates = [join(siteDir, path), join(siteDir, `${path}.html`), join(siteDir, path, "index.html")];
  const file = candidates.find((candidate) => candidate.startsWith(siteDir) && existsSync(candidate) && statSync(candidate).isFile());
  if (file === undefined) {
    response.writeHead(404, { "content-type": "text/html" });
    response.end(readFileSync(join(siteDir, "404.html")));
    return;
  }
  response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
const address = server.address();
const port = typeof address === "object" && address !== null ? address.port : 0;
const base = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const offsite = [];
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
  offsite.push(url.href);
  return route.abort("blockedbyclient");
});

const pages = [
  ...new Set([
    "/",
    "/when-to-refer",
    "/matching",
    "/consent",
    "/relationships",
    "/cadence",
    "/intake",
    "/fhir",
    "/model",
    "/errors",
    "/scale",
    "/playground",
    "/reference/",
    ...["refer", "match", "consent", "relationships", "cadence", "intake", "fhir"].map((name) => `/reference/referwell/${name}/`),
    "/reference/referwell/refer/functions/assessReferral",
    "/reference/referwell/variables/Client",
    // Every other page with an example to run: each export's page in the reference, where its @example runs.
    ...examplePages(),
  ]),
];
/** Picks a client to refer, then checks each step of the playground and parses the week's .ics download with ical.js. */
async function checkPlayground(page) {
  await page.waitForSelector(".playground select");
  const problems = [];
  for (const value of await page.locator(".playground select option").evaluateAll((options) => options.map((option) => option.value))) {
    await page.selectOption(".playground select", value);
    if ((await page.locator("#step-refer").count()) !== 1) problems.push(`${value}: no assessment`);
    if ((await page.locator("#step-match").count()) !== 1) problems.push(`${value}: no options`);
  }
  // cl-04 is referred out (outside scope) and has one option, drawn as bars; its referrer's update withholds expired facts.
  await page.selectOption(".playground select", { label: "cl-04 (cl-04), with Hana Ito" });
  const verdict = await page.locator(".verdict").innerText();
  if (!verdict.startsWith("Refer")) problems.push(`cl-04: verdict "${verdict}"`);
  if ((await page.locator(".playground .option .bar").count()) === 0) problems.push("no score bars drawn");
  if ((await page.locator(".playground .withheld li").count()) === 0) problems.push("no withheld facts shown");
  const touches = await page.locator(".playground .touch").count();
  const download = page.waitForEvent("download");
  await page.locator(".playground .download").click();
  const ics = readFileSync(await (await download).path(), "utf8");
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").length;
  if (events !== touches || events === 0) problems.push(`.ics has ${events} events, the calendar shows ${touches}`);
  await page.screenshot({ path: join(artefacts, "playground.png"), fullPage: true });
  console.log(`/playground: every client assessed and ranked; the week's .ics parses with ${events} events, as the calendar shows`);
  for (const problem of problems) failures.push(`/playground: ${problem}`);
}

/** Every page of the built site with a runnable example, as its clean URL. */
function examplePages(dir = siteDir, prefix = "/") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === "assets" ? [] : examplePages(join(dir, entry.name), `${prefix}${entry.name}/`);
    if (!entry.name.endsWith(".html") || !readFileSync(join(dir, entry.name), "utf8").includes('class="rw-example"')) return [];
    return [entry.name === "index.html" ? prefix : `${prefix}${entry.name.replace(/\.html$/, "")}`];
  });
}

const axeSource = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
const failures = [];
const figures = [];
let examples = 0;
let checks = 0;

for (const path of pages) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(base + path, { waitUntil: "networkidle" });
  if (response === null || !response.ok()) failures.push(`${path}: HTTP ${response?.status() ?? "no response"}`);
  if (path === "/") await page.screenshot({ path: join(artefacts, "landing.png"), fullPage: false });

  const count = await page.locator(".rw-example").count();
  if (count > 0) await page.waitForSelector(".rw-example[data-ready] .rw-run");
  for (let index = 0; index < count; index += 1) {
    const example = page.locator(".rw-example").nth(index);
    const started = Date.now();
    await example.locator(".rw-run").click();
    await example.locator(".rw-output .rw-summary, .rw-output .rw-error").first().waitFor({ timeout: 20_000 });
    if (index === 0) figures.push(`${path}: first Run result after ${Date.now() - started} ms`);
    const state = await example.getAttribute("data-state");
    const results = await example
      .locator(".rw-check")
      .evaluateAll((items) => items.map((item) => ({ ok: item.dataset.ok === "true", text: item.textContent })));
    examples += 1;
    checks += results.length;
    if (results.length === 0) failures.push(`${path} example ${index + 1}: no "// =>" value was checked`);
    if (state !== "ok") {
      const error = await example.locator(".rw-error").allTextContents();
      const bad = results.filter((result) => !result.ok).map((result) => result.text);
      failures.push(`${path} example ${index + 1}: ${[...bad, ...error].join(" | ")}`);
    }
  }

  // An edited example runs the edited code.
  if (path === "/") {
    const example = page.locator(".rw-example").first();
    await example.locator(".rw-edit").click();
    const editor = example.locator(".rw-editor");
    await editor.fill((await editor.inputValue()).replace('// => ["adults"]', '// => ["children"]'));
    await example.locator(".rw-run").click();
    await page.waitForFunction(() => document.querySelector(".rw-example")?.getAttribute("data-state") === "bad");
    const marks = await example.locator(".rw-check[data-ok=false] .rw-expected").allTextContents();
    if (marks[0] !== '["children"]') failures.push(`/: an edited expectation is not shown as a mismatch (${marks.join(", ")})`);
    await page.screenshot({ path: join(artefacts, "landing-mismatch.png"), fullPage: false });
  }

  // The playground: the three steps for another client, the week's calendar, and an .ics that parses.
  if (path === "/playground") await checkPlayground(page);

  // Diagrams are drawn, not shown as their source.
  const diagrams = await page.locator(".rw-mermaid").count();
  if (diagrams > 0) {
    await page.waitForSelector(".rw-mermaid svg", { timeout: 20_000 }).catch(() => undefined);
    const drawn = await page.locator(".rw-mermaid svg").count();
    if (drawn < diagrams) failures.push(`${path}: ${diagrams - drawn} of ${diagrams} diagrams not drawn`);
  }

  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id} (${violation.impact}, ${violation.nodes.length}): ${violation.nodes[0]?.target?.join(" ")}`);
  });
  for (const violation of violations) failures.push(`${path}: axe ${violation}`);
  for (const error of errors) failures.push(`${path}: console error: ${error}`);
  await page.close();
}

await browser.close();
server.close();

if (offsite.length > 0) failures.push(`requests beyond localhost were attempted: ${[...new Set(offsite)].join(", ")}`);
for (const figure of figures) console.log(figure);
console.log(`browser: ${pages.length} pages, ${examples} examples run, ${checks} values checked, ${offsite.length} offsite requests`);
if (failures.length > 0) {
  console.error(`\n${failures.length} failure(s):\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
