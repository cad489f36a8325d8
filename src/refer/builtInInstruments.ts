import type { Instrument } from "./schemas.js";

/** An instrument frozen with the objects inside it, so no caller can change what every other call reads. */
const frozen = (instrument: Instrument): Instrument =>
  Object.freeze({
    ...instrument,
    range: Object.freeze({ ...instrument.range }),
    ...(instrument.reliableChange === undefined ? {} : { reliableChange: Object.freeze({ ...instrument.reliableChange }) }),
    ...(instrument.items === undefined ? {} : { items: Object.freeze({ ...instrument.items }) }),
    riskItems: Object.freeze(
      instrument.riskItems.map((risk) => Object.freeze({ ...risk, from: Object.freeze({ ...risk.from }) })),
    ) as Instrument["riskItems"],
  });

// Any answer above "not at all" on a risk item calls for a risk assessment the same day: referwell's default. The
// item is a screen, not an assessment; risk of a suicide attempt or death rises with each answer step of PHQ-9
// item 9 (Simon et al. 2013, Psychiatric Services 64(12):1195–1202).
const SAME_DAY_FROM_ANY_ANSWER = "any answer above 0 on the risk item: a same-day risk assessment (referwell's default)";

const TALKING_THERAPIES =
  "NHS Talking Therapies for anxiety and depression Manual (NHS England), outcome measurement: caseness and reliable-change criteria";

/**
 * The instruments referwell knows without being told, keyed by the ids
 * measurements use:
 *
 * - `PHQ-9` (Kroenke, Spitzer & Williams 2001), scored 0–27, lower is better:
 *   caseness at 10 or more and a reliable change of 6 points, as NHS Talking
 *   Therapies defines them; severe from 20 (Kroenke et al. 2001).
 * - `GAD-7` (Spitzer, Kroenke, Williams & Löwe 2006), scored 0–21, lower is
 *   better: caseness at 8 or more and a reliable change of 4 points (NHS
 *   Talking Therapies); severe from 15 (Spitzer et al. 2006).
 * - `CORE-10` (Barkham et al. 2013, Counselling and Psychotherapy Research
 *   13(1):3–13), scored 0–40 as the sum of 10 items scored 0–4, lower is
 *   better: caseness at 11 or more (Barkham et al. 2013) and a reliable
 *   change by Jacobson–Truax from the clinical sample's standard deviation,
 *   7.7 (Connell & Barkham 2007, CORE-10 User Manual, version 1.0), and
 *   internal consistency α = 0.90 (Barkham et al. 2013): about 6.75 points.
 * - `SRS`, the Session Rating Scale 3.0 (Duncan, Miller, Sparks et al. 2003,
 *   Journal of Brief Therapy 3(1):3–12), scored 0–40, higher is better: a
 *   total below 36 signals an alliance concern.
 *
 * The PHQ-9 and CORE-10 carry item scores and a risk item each: PHQ-9
 * item 9 (thoughts of being better off dead or of hurting oneself) and
 * CORE-10 item 6 (plans to end one's life). Any answer above 0 on either is
 * a same-day risk assessment (`urgent-review`); CORE-10 item 6 at 3
 * ("often") or more is a `crisis`, as the Columbia screen treats a plan as
 * high risk. These levels are referwell's defaults; the items are screens,
 * not assessments.
 *
 * Hosts add their own, or replace one of these, through the `instruments`
 * option; an instrument with the same id wins.
 *
 * @example
 * ```ts
 * import { builtInInstruments } from "referwell/refer";
 *
 * builtInInstruments.map((instrument) => instrument.id); // => ["CORE-10", "GAD-7", "PHQ-9", "SRS"]
 * builtInInstruments[2]?.reliableChange; // => { method: "threshold", threshold: 6 }
 * builtInInstruments[2]?.cutoff; // => 10
 * builtInInstruments[2]?.riskItems; // => [{ item: 9, from: { "urgent-review": 1 } }]
 * ```
 */
export const builtInInstruments: readonly Instrument[] = Object.freeze([
  frozen({
    id: "CORE-10",
    name: "Clinical Outcomes in Routine Evaluation, 10 items",
    measures: "outcome",
    direction: "lower-is-better",
    range: { min: 0, max: 40 },
    reliableChange: { method: "jacobson-truax", sd: 7.7, reliability: 0.9 },
    cutoff: 11,
    items: { count: 10, min: 0, max: 4, scoring: "sum" },
    riskItems: [{ item: 6, from: { "urgent-review": 1, crisis: 3 } }],
    source:
      "Barkham et al. 2013, Counselling and Psychotherapy Research 13(1):3–13 (clinical cut-off 11; internal consistency 0.90); Connell & Barkham 2007, CORE-10 User Manual version 1.0 (clinical sample SD 7.7); risk item 6: " +
      SAME_DAY_FROM_ANY_ANSWER +
      ", 3 or more a crisis (referwell's default: a plan, as the Columbia screen reads it)",
  }),
  frozen({
    id: "GAD-7",
    name: "Generalized Anxiety Disorder 7-item scale",
    measures: "outcome",
    direction: "lower-is-better",
    range: { min: 0, max: 21 },
    reliableChange: { method: "threshold", threshold: 4 },
    cutoff: 8,
    severe: 15,
    items: { count: 7, min: 0, max: 3, scoring: "sum" },
    riskItems: [],
    source: `${TALKING_THERAPIES}; scale and severe range 15–21: Spitzer, Kroenke, Williams & Löwe 2006, Archives of Internal Medicine 166(10):1092–1097`,
  }),
  frozen({
    id: "PHQ-9",
    name: "Patient Health Questionnaire, 9 items",
    measures: "outcome",
    direction: "lower-is-better",
    range: { min: 0, max: 27 },
    reliableChange: { method: "threshold", threshold: 6 },
    cutoff: 10,
    severe: 20,
    items: { count: 9, min: 0, max: 3, scoring: "sum" },
    riskItems: [{ item: 9, from: { "urgent-review": 1 } }],
    source: `${TALKING_THERAPIES}; scale and severe range 20–27: Kroenke, Spitzer & Williams 2001, Journal of General Internal Medicine 16(9):606–613; risk item 9: ${SAME_DAY_FROM_ANY_ANSWER}`,
  }),
  frozen({
    id: "SRS",
    name: "Session Rating Scale 3.0",
    measures: "alliance",
    direction: "higher-is-better",
    range: { min: 0, max: 40 },
    cutoff: 36,
    riskItems: [],
    source:
      "Duncan, Miller, Sparks, Claud, Reynolds, Brown & Johnson 2003, Journal of Brief Therapy 3(1):3–12: totals below 36 signal an alliance concern",
  }),
]);
