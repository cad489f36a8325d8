import type { Clinician } from "../../model/clinician.js";
import type { Money } from "../../model/scalars.js";
import { addValue, type ClinicianCodes, endList, valueAt } from "./clinicianCodes.js";

/** Amounts are split at 2³¹ so an amount up to `Number.MAX_SAFE_INTEGER` fits two numbers of the pool. */
const SPLIT = 2 ** 31;
const A = 65;
/** The most numbers fees take in the pool: the currency, then two per amount. */
export const MOST_FEE_NUMBERS = 5;

/** A currency's three letters as one number, as the pool holds it. */
const currencyNumber = (letters: string): number =>
  (letters.charCodeAt(0) - A) * 676 + (letters.charCodeAt(1) - A) * 26 + (letters.charCodeAt(2) - A);

/**
 * Writes a clinician's fee and sliding-scale floor as the pool's `fee` list
 * holds them, and ends the list: nothing without a fee (a floor without a fee is not kept: matching
 * reads a floor only beside the fee it slides from); else the currency (its
 * three letters as one number), the fee's minor units in two parts, and the
 * floor's when there is one (the schema keeps it in the fee's currency).
 */
export function writeFees(codes: ClinicianCodes, { fee, slidingScaleFloor }: Pick<Clinician, "fee" | "slidingScaleFloor">): void {
  if (fee !== undefined) {
    addValue(codes, currencyNumber(fee.currency));
    addValue(codes, fee.minorUnits % SPLIT);
    addValue(codes, Math.floor(fee.minorUnits / SPLIT));
    if (slidingScaleFloor !== undefined) {
      addValue(codes, slidingScaleFloor.minorUnits % SPLIT);
      addValue(codes, Math.floor(slidingScaleFloor.minorUnits / SPLIT));
    }
  }
  endList(codes, "fee");
}

/** The fee (`0`) or sliding-scale floor (`1`) of the clinician at `index`, as the record gave it; undefined when it has none, and the floor undefined without a fee. */
export function feeIn(codes: ClinicianCodes, index: number, which: 0 | 1): Money | undefined {
  const currency = valueAt(codes, index, "fee", 0);
  const low = valueAt(codes, index, "fee", 1 + 2 * which);
  if (currency === undefined || low === undefined) return undefined;
  const letters = String.fromCharCode(A + Math.floor(currency / 676), A + (Math.floor(currency / 26) % 26), A + (currency % 26));
  return { currency: letters, minorUnits: (valueAt(codes, index, "fee", 2 + 2 * which) as number) * SPLIT + low };
}

/**
 * The fee (`0`) or sliding-scale floor (`1`) of the clinician at `index` in
 * minor units, when the clinician has one in `currency`: what a budget is
 * compared with, read without building the amount, as payment is checked
 * for every candidate.
 */
export function feeUnitsIn(codes: ClinicianCodes, index: number, which: 0 | 1, currency: string): number | undefined {
  const low = valueAt(codes, index, "fee", 1 + 2 * which);
  if (low === undefined || valueAt(codes, index, "fee", 0) !== currencyNumber(currency)) return undefined;
  return (valueAt(codes, index, "fee", 2 + 2 * which) as number) * SPLIT + low;
}
