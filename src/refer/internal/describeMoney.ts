import type { Money } from "../../model/index.js";

/** ISO 4217 currencies whose minor unit is not a hundredth. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"].map((c) => [
      c,
      0,
    ]),
  ),
  ...Object.fromEntries(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map((c) => [c, 3])),
  ...Object.fromEntries(["CLF", "UYW"].map((c) => [c, 4])),
};

/** An amount for people: `150.00 USD`. */
export function describeMoney(amount: Money): string {
  const digits = MINOR_DIGITS[amount.currency] ?? 2;
  return `${(amount.minorUnits / 10 ** digits).toFixed(digits)} ${amount.currency}`;
}
