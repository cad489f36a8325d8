/**
 * Escapes the characters Markdown reads as syntax inside a line, so host and
 * client text renders as written: never as a link or image (`[`, `]`), HTML
 * or an entity (`<`, `>`, `&`), emphasis or code (`*`, `_`, `` ` ``, `~`), a
 * table cell (`|`) or a heading (`#`). Lines never start with such text, so
 * list and quote markers need no escaping.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/g, (character) => `\\${character}`);
}
