import type MarkdownIt from "markdown-it";

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
    if (!/^(ts|typescript)$/.test(info) || page.startsWith("reference/")) return html;
    return `<div class="rw-example">${html}</div>`;
  };
}
