/**
 * Generators for identifiers as people and systems spell them: a valid NPI
 * (ten digits, Luhn check digit over the prefix 80840), and spelling variants
 * of one value with spaces, dashes, dots, full-width digits, zero-width and
 * other invisible characters, symbols, and surrounding whitespace.
 */
import fc from "fast-check";

export const NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";

/** The NPI check digit for nine digits (Luhn over 80840 and the nine digits). */
function checkDigit(nine: string): string {
  let sum = 0;
  const digits = `80840${nine}`;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[digits.length - 1 - i]);
    const doubled = i % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A valid NPI. */
export const npi = fc.stringMatching(/^[12]\d{8}$/).map((nine) => `${nine}${checkDigit(nine)}`);

/** Separators and format characters the canonical spelling drops: spaces, dashes, dots, slashes, underscores, middle dots, invisible characters. */
export const SEPARATORS = [
  " ",
  "-",
  ".",
  "/",
  "_",
  "\u00A0",
  "\u2011",
  "\u2013",
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\uFEFF",
  "\u00AD",
  "·",
];
/** And what else may stand there: symbols and brackets, which a deny provision's looser comparison also ignores. */
export const ANY_PUNCTUATION = [...SEPARATORS, "\u2212", "(", ")", "+", "#"];

/** A spelling of `value`: each digit maybe full-width, separators between characters, letters in either case, whitespace around. */
export const spellingOf = (value: string, separators: readonly string[] = ANY_PUNCTUATION): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.constantFrom(...separators), fc.boolean()), {
        minLength: value.length,
        maxLength: value.length,
      }),
      fc.constantFrom("", " ", "\t", "\u3000", "\u200B"),
      fc.constantFrom("", " ", "\n", "\u00A0", "\u2060"),
    )
    .map(([choices, before, after]) => {
      const parts = [...value].map((char, i) => {
        const [wide, separated, separator, upper] = choices[i] as [boolean, boolean, string, boolean];
        const shown =
          /\d/.test(char) && wide ? String.fromCodePoint(0xff10 + Number(char)) : upper ? char.toUpperCase() : char.toLowerCase();
        return `${i > 0 && separated ? separator : ""}${shown}`;
      });
      return `${before}${parts.join("")}${after}`;
    });
