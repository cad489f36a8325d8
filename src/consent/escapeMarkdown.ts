/** Escapes the characters Markdown reads as syntax, so host and client text renders as written and never as links, HTML or emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+|~!&-]/g, (character) => `\\${character}`);
}
