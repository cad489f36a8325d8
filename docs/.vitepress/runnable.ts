import type MarkdownIt from "markdown-it";

/** What the page's runner can load: referwell's subpaths, zod, and the sample data the guides read. */
const IN_PAGE = /^(?:referwell(?:\/(?:refer|match|consent|relationships|cadence|intake|fhir))?|zod|node:fs)$/;

/** Whether every import of an example is one the page can load. */
export function runsInPage(code: string): boolean {
  return [...code.matchAll(/^\s*import\s+(?:type\s+)?[^"';]*?from\s+["']([^"']+)["']/gm)].every((match) => IN_PAGE.test(match[1] ?? ""));
}

/**
 * Wraps every `ts` block of a guide in a container the theme turns into a runnable
 * example, and marks Mermaid blocks for the theme to draw.
 */
export function runnableExamples(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence;
  if (fence === undefined) return;
  md.renderer.rules.fence = (tokens, index, options, env: { relativePath?: string }, self) => {
    const info = tokens[index]?.info.trim() ?? "";
    if (info === "mermaid") {
      // Drawn in the page by the theme, which loads Mermaid only where a diagram is.
      const source = md.utils.escapeHtml(tokens[index]?.content ?? "");
      return `<div class="rw-mermaid"><pre class="rw-mermaid-source">${source}</pre></div>`;
    }
    const html = fence(tokens, index, options, env, self);
    const page = env.relativePath ?? "";
    // In the reference, signatures are ts blocks too: only an example (with its `// =>` values) gets a Run button.
    const content = tokens[index]?.content ?? "";
    if (!/^(ts|typescript)$/.test(info) || (page.startsWith("reference/") && !/\/\/ ?=>/.test(content))) return html;
    // An example that imports a package the page does not bundle (the scale guide's PGlite) runs in Node only: its tests say so.
    if (!runsInPage(content))
      return `${html}<p class="rw-node-only">This example runs in Node: it imports a package the site does not bundle.</p>`;
    return `<div class="rw-example">${html}</div>`;
  };
}
