/**
 * Identifier values compared as identities, not strings: one spelling per
 * identifier, whatever spaces, dashes, full-width digits or invisible
 * characters a record carries.
 */
import { pairKey } from "../../model/internal/pairKey.js";

/** How a host's own identifier system is spelled canonically (see `IdentifierSystem`). */
export interface SystemRule {
  readonly keep: "digits" | "letters-and-digits" | "all";
  readonly case: "fold" | "exact";
}

/** The US NPI system (HL7 FHIR `us-npi` naming system). */
export const NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
/** An NPI is ten digits (45 CFR 162.406). */
const NPI_RULE: SystemRule = { keep: "digits", case: "exact" };
const DEFAULT_RULE: SystemRule = { keep: "all", case: "fold" };

/**
 * Separators and format characters: Unicode spaces (Z), format characters
 * (Cf: zero-width space and joiners, bidi marks, soft hyphen), control
 * characters, dashes (Pd) and the dots, slashes, underscores and middle dots
 * people type between groups of digits.
 */
const SEPARATORS = /[\p{Z}\p{Cf}\p{Cc}\p{Pd}._/\\·]/gu;

/** Printable ASCII without spaces: already NFKC, with no separator or format character to drop (the usual case, checked first for speed). */
const PLAIN_ASCII = /^[\x21-\x7e]*$/;
/** ASCII letters and digits only. */
const ALPHANUMERIC = /^[A-Za-z0-9]*$/;

/** `text` without the slashes it ends with. */
function trimSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end -= 1;
  return text.slice(0, end);
}

/** A system URI, canonical: NFKC, no separators or format characters at the ends or inside, lower case, no trailing slash. */
export function canonicalSystem(system: string): string {
  const plain = PLAIN_ASCII.test(system) ? system : system.normalize("NFKC").replace(/[\p{Z}\p{Cf}\p{Cc}]/gu, "");
  return trimSlashes(plain.toLowerCase());
}

/** The rule for a canonical system: the host's, else the NPI's for the NPI system, else the default (drop separators, fold case). */
export function ruleFor(system: string, hostRules?: ReadonlyMap<string, SystemRule>): SystemRule {
  return hostRules?.get(system) ?? (system === NPI_SYSTEM ? NPI_RULE : DEFAULT_RULE);
}

/** NFKC (full-width digits become digits), separators dropped. */
function plainValue(value: string): string {
  return ALPHANUMERIC.test(value)
    ? value
    : PLAIN_ASCII.test(value)
      ? value.replace(/[-._/\\]/g, "")
      : value.normalize("NFKC").replace(SEPARATORS, "");
}

/**
 * Lower case, one code point at a time: never by context (a whole string's `toLowerCase` writes `Σ` as `ς` or `σ`
 * by what follows it, so dropping a symbol would change a letter). It merges only the cases of one letter (`ẞ` and
 * `ß`), where upper case would merge `ß` with `ss` and the dotless `ı` with `i`.
 */
function foldCase(text: string): string {
  return PLAIN_ASCII.test(text) ? text.toLowerCase() : Array.from(text, (character) => character.toLowerCase()).join("");
}

/** An identifier value, canonical under its system's rule: NFKC (full-width digits become digits), separators dropped, then the rule. */
export function canonicalValue(value: string, rule: SystemRule): string {
  const plain = plainValue(value);
  const kept =
    rule.keep === "digits" ? plain.replace(/\D/g, "") : rule.keep === "letters-and-digits" ? plain.replace(/[^\p{L}\p{N}]/gu, "") : plain;
  return rule.case === "fold" ? foldCase(kept) : kept;
}

/**
 * Whether ten digits are an NPI with a valid check digit: the Luhn formula
 * of ISO/IEC 7812-1 over the number prefixed with 80840, the card-issuer
 * prefix CMS assigned to the NPI (CMS, NPI check digit calculation).
 */
export function isValidNpi(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  const full = `80840${digits}`;
  for (let index = 0; index < full.length; index += 1) {
    const digit = Number(full[full.length - 1 - index]);
    const doubled = index % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

/**
 * The key two identifiers share exactly when they name the same identity: canonical system and value. Undefined for
 * a value its system's rule reduces to nothing (`PENDING` where only digits count), which names no one: two such
 * values never name the same person.
 */
export function identifierKey(
  identifier: { readonly system: string; readonly value: string },
  hostRules: ReadonlyMap<string, SystemRule>,
): string | undefined {
  const system = canonicalSystem(identifier.system);
  const value = canonicalValue(identifier.value, ruleFor(system, hostRules));
  return value === "" ? undefined : pairKey(system, value);
}

/**
 * The looser spellings deny provisions compare, so that they fail closed.
 * `letters`: letters and digits alone, in lower case, for a system whose
 * rule keeps letters: two spellings that differ only in punctuation, symbols
 * or case (a minus sign for a hyphen, brackets) may be one identifier, so a
 * restriction naming one binds the other. `digits`: the digits alone, for a
 * system whose rule keeps only digits (the NPI's, or a host's), where
 * `NPI 1234567893` is the NPI `1234567893`. Each is worked out from what
 * the canonical value keeps, so two values with one canonical spelling
 * always share it: whatever a permit takes for one identifier, a deny does too.
 */
export function skeletonValues(value: string): { readonly letters: string; readonly digits: string } {
  const plain = plainValue(value);
  return { letters: foldCase(plain).replace(/[^\p{L}\p{N}]/gu, ""), digits: plain.replace(/\D/g, "") };
}
