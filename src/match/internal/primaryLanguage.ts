/** The primary subtag of a BCP 47 tag, lower case: `pt-BR` → `pt`; languages match on it. */
export function primaryLanguage(tag: string): string {
  // The part before the first hyphen, read without splitting: this runs for every language of a directory.
  const dash = tag.indexOf("-");
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
}
