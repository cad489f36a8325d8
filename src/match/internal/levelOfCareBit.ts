import type { LevelOfCare } from "../../model/enums.js";

const BITS: Readonly<Record<LevelOfCare, number>> = {
  outpatient: 1,
  "psychiatric-evaluation": 2,
  "intensive-outpatient": 4,
  "partial-hospitalisation": 8,
};

/** A level of care's bit in a compiled clinician's `levelsOfCare`. */
export const levelOfCareBit = (level: LevelOfCare): number => BITS[level];
