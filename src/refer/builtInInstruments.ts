import type { Instrument } from "./schemas.js";

/** An instrument frozen with the objects inside it, so no caller can change what every other call reads. */
const frozen = (instrument: Instrument): Instrument =>
  Object.freeze({
    ...instrument,
    range: Object.freeze({ ...instrument.range }),
    ...(instrument.reliableChange === undefined ? {} : { reliableChange: Object.freeze({ ...instrument.reliableChange }) }),
  });

const TALKING_THERAPIES =
  "NHS Talking Therapies for anxiety and depression Manual (NHS England), outcome measurement: caseness and reliable-change criteria";

/**
 * The instruments referwell knows without being told, keyed by the ids
 * measurements use:
 *
 * - `PHQ-9` (Kroenke, Spitzer & Williams 2001), scored 0–27, lower is better:
 *   caseness at 10 or more and a reliable change of 6 points, as NHS Talking
 *   Therapies defines them.
 * - `GAD-7` (Spitzer, Kroenke, Williams & Löwe 2006), scored 0–21, lower is
 *   better: caseness at 8 or more and a reliable change of 4 points (NHS
 *   Talking Therapies).
 * - `SRS`, the Session Rating Scale 3.0 (Duncan, Miller, Sparks et al. 2003,
 *   Journal of Brief Therapy 3(1):3–12), scored 0–40, higher is better: a
 *   total below 36 signals an alliance concern.
 *
 * Hosts add their own, or replace one of these, through the `instruments`
 * option; an instrument with the same id wins.
 *
 * @example
 * ```ts
 * import { builtInInstruments } from "referwell/refer";
 *
 * builtInInstruments.map((instrument) => instrument.id); // => ["GAD-7", "PHQ-9", "SRS"]
 * builtInInstruments[1]?.reliableChange; // => { method: "threshold", threshold: 6 }
 * builtInInstruments[1]?.cutoff; // => 10
 * ```
 */
export const builtInInstruments: readonly Instrument[] = Object.freeze([
  frozen({
    id: "GAD-7",
    name: "Generalized Anxiety Disorder 7-item scale",
    measures: "outcome",
    direction: "lower-is-better",
    range: { min: 0, max: 21 },
    reliableChange: { method: "threshold", threshold: 4 },
    cutoff: 8,
    source: `${TALKING_THERAPIES}; scale: Spitzer, Kroenke, Williams & Löwe 2006, Archives of Internal Medicine 166(10):1092–1097`,
  }),
  frozen({
    id: "PHQ-9",
    name: "Patient Health Questionnaire, 9 items",
    measures: "outcome",
    direction: "lower-is-better",
    range: { min: 0, max: 27 },
    reliableChange: { method: "threshold", threshold: 6 },
    cutoff: 10,
    source: `${TALKING_THERAPIES}; scale: Kroenke, Spitzer & Williams 2001, Journal of General Internal Medicine 16(9):606–613`,
  }),
  frozen({
    id: "SRS",
    name: "Session Rating Scale 3.0",
    measures: "alliance",
    direction: "higher-is-better",
    range: { min: 0, max: 40 },
    cutoff: 36,
    source:
      "Duncan, Miller, Sparks, Claud, Reynolds, Brown & Johnson 2003, Journal of Brief Therapy 3(1):3–12: totals below 36 signal an alliance concern",
  }),
]);
