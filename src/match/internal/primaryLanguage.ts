/** The primary subtag of a BCP 47 tag, lower case: `pt-BR` → `pt`; languages match on it. */
export function primaryLanguage(tag: string): string {
  return (tag.split("-")[0] ?? tag).toLowerCase();
}
