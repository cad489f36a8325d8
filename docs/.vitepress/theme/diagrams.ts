let count = 0;

/** Draws the page's Mermaid diagrams, loading Mermaid only on pages that have one. */
export async function drawDiagrams(root: Document): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>(".rw-mermaid:not([data-drawn])")];
  if (blocks.length === 0) return;
  const { default: mermaid } = await import("mermaid");
  const dark = root.documentElement.classList.contains("dark");
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
  for (const block of blocks) {
    const source = block.querySelector("pre")?.textContent ?? "";
    count += 1;
    const { svg } = await mermaid.render(`rw-mermaid-${count}`, source);
    block.innerHTML = svg;
    block.dataset.drawn = "true";
  }
}
