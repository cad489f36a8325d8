/** A label as it reads inside a sentence: "Trauma and PTSD" → "trauma and PTSD"; acronyms such as "ADHD" stay. */
export function inSentence(label: string): string {
  const first = label.split(/[\s-]/)[0] ?? "";
  return first.length > 1 && first === first.toUpperCase() ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}
