/**
 * The code lists of `referwell/consent`: purposes of use (HL7 v3
 * ActReason), confidentiality levels (HL7 v3 Confidentiality), sensitivity
 * codes (HL7 v3 ActCode, as the DS4P guide uses them), the kinds of
 * authorization, and the disclosure categories with their labels.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { deepFreeze } from "../model/internal/deepFreeze.js";
import { ExpectedText } from "../errors.js";
import { marksPart2 } from "./internal/marksPart2.js";

/**
 * Why information is disclosed: purpose-of-use codes from HL7 v3 ActReason
 * (`http://terminology.hl7.org/CodeSystem/v3-ActReason`). A permission
 * matches codes exactly: a consent that lists `TREAT` does not cover `COC`;
 * list every purpose the client agreed to. A restriction reaches wider (see
 * `DenyProvision`).
 *
 * - `TREAT` treatment; `ETREAT` emergency treatment
 * - `COC` coordination of care (what a referrer update is for)
 * - `CAREMGT` care management
 * - `PATRQT` at the patient's request
 * - `HPAYMT` payment; `HOPERAT` health care operations
 *
 * @example
 * ```ts
 * import { PurposeOfUse } from "referwell/consent";
 *
 * PurposeOfUse.safeParse("COC").success; // => true
 * PurposeOfUse.safeParse("coordination").success; // => false
 * ```
 */
export const PurposeOfUse = z.enum(["TREAT", "ETREAT", "COC", "CAREMGT", "PATRQT", "HPAYMT", "HOPERAT"]);
/** A purpose-of-use code from HL7 v3 ActReason. */
export type PurposeOfUse = z.infer<typeof PurposeOfUse>;

/** How each purpose reads in an update and in a disclosure record. */
export const purposeText: Readonly<Record<PurposeOfUse, string>> = {
  TREAT: "treatment",
  ETREAT: "emergency treatment",
  COC: "coordination of care",
  CAREMGT: "care management",
  PATRQT: "the client's request",
  HPAYMT: "payment",
  HOPERAT: "health care operations",
};

/**
 * How closely information must be held, from HL7 v3 Confidentiality, in
 * rising order: `N` normal, `R` restricted (sensitive: mental health,
 * substance use), `V` very restricted (psychotherapy and SUD counselling
 * notes). An update carries the highest level of what it discloses.
 *
 * @example
 * ```ts
 * import { Confidentiality } from "referwell/consent";
 *
 * Confidentiality.options; // => ["N", "R", "V"]
 * ```
 */
export const Confidentiality = z.enum(["N", "R", "V"]);
/** The confidentiality levels in rising order, for the engine: its own frozen copy, since a schema's `options` can be changed by code outside. */
export const CONFIDENTIALITY_ORDER: readonly Confidentiality[] = /* @__PURE__ */ deepFreeze([...Confidentiality.options]);
/** A confidentiality level: `N`, `R` or `V`. */
export type Confidentiality = z.infer<typeof Confidentiality>;

/**
 * Information sensitivity codes from HL7 v3 ActCode
 * (`_InformationSensitivityPolicy`), as the DS4P guide uses them to label
 * data: `BH` behavioral health, `MH` mental health, `PSY` psychiatry,
 * `PSYTHPN` psychotherapy note, `SUD` substance use disorder, `ETH`
 * substance abuse, `HIV`, `SDV` sexual assault, abuse or domestic violence,
 * `SEX` sexuality and reproductive health, `STD` sexually transmitted
 * disease, `GDIS` genetic disease, `SCA` sickle cell, `MST` military sexual
 * trauma, `COGN` cognitive disability, `DVD` developmental disability,
 * `EMOTDIS` emotional disturbance.
 *
 * @example
 * ```ts
 * import { SensitivityCode } from "referwell/consent";
 *
 * SensitivityCode.safeParse("PSYTHPN").success; // => true
 * ```
 */
export const SensitivityCode = z.enum([
  "BH",
  "COGN",
  "DVD",
  "EMOTDIS",
  "ETH",
  "GDIS",
  "HIV",
  "MH",
  "MST",
  "PSY",
  "PSYTHPN",
  "SCA",
  "SDV",
  "SEX",
  "STD",
  "SUD",
]);
/** An HL7 v3 information sensitivity code. */
export type SensitivityCode = z.infer<typeof SensitivityCode>;
/** The sensitivity codes in their listed order, for the engine: its own frozen copy, as for {@link CONFIDENTIALITY_ORDER}. */
export const SENSITIVITY_ORDER: readonly SensitivityCode[] = /* @__PURE__ */ deepFreeze([...SensitivityCode.options]);

/**
 * What a consent authorizes, and what a category needs. A consent permits
 * only categories that need its own kind, so a general consent never
 * unlocks the others, and a specific authorization unlocks nothing else:
 *
 * - `general`: the client's permission to share ordinary care information
 *   (under HIPAA, a consent the practice chooses to ask for, 45 CFR
 *   164.506(b), or an authorization, 164.508, where one is needed; in the
 *   UK and EU, the consent of the duty of confidentiality, which is not the
 *   GDPR lawful basis: see the consent guide).
 * - `psychotherapy-note`: an authorization for psychotherapy notes, which
 *   HIPAA requires on its own (45 CFR 164.508(a)(2)) and forbids combining
 *   with other authorizations (164.508(b)(3)(ii)).
 * - `sud-records`: a written consent under 42 CFR Part 2 (§ 2.31) for
 *   records of a Part 2 substance-use-disorder program; since the 2024 rule
 *   (89 FR 12472, compliance date 16 February 2026) one consent may cover
 *   all future uses and disclosures for treatment, payment and health care
 *   operations (list `TREAT`, `HPAYMT` and `HOPERAT`).
 * - `sud-counselling-note`: a consent for SUD counselling notes, which the
 *   2024 Part 2 rule keeps apart like psychotherapy notes (§ 2.31(b)).
 *
 * @example
 * ```ts
 * import { AuthorizationKind } from "referwell/consent";
 *
 * AuthorizationKind.options; // => ["general", "psychotherapy-note", "sud-records", "sud-counselling-note"]
 * ```
 */
export const AuthorizationKind = z.enum(["general", "psychotherapy-note", "sud-records", "sud-counselling-note"]);
/** The kind of an authorization, and of what a category needs. */
export type AuthorizationKind = z.infer<typeof AuthorizationKind>;

/** The kinds whose records 42 CFR Part 2 protects: their disclosures carry the § 2.32 notice. */
export const PART2_KINDS: ReadonlySet<AuthorizationKind> = new Set(["sud-records", "sud-counselling-note"]);

/**
 * The code of a disclosure category: lower case letters, digits and
 * hyphens, starting with a letter, at most 64 characters.
 *
 * @example
 * ```ts
 * import { CategoryCode } from "referwell/consent";
 *
 * CategoryCode.safeParse("progress-summary").success; // => true
 * CategoryCode.safeParse("Progress Summary").success; // => false
 * ```
 */
export const CategoryCode = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, { error: ExpectedText.categoryCode });
/** The code of a disclosure category. */
export type CategoryCode = z.infer<typeof CategoryCode>;

/**
 * A kind of information an update may carry, with its security labels:
 * a confidentiality level, DS4P sensitivity codes, whether the host
 * declares it Part 2 content (`part2: true`, for a code of its own that
 * carries neither `SUD` nor `ETH`), and the kind of authorization that can
 * permit it. The labels and the kind must agree, so that a note or a Part 2
 * record is never labelled as ordinary information, nor ordinary
 * information as a note:
 *
 * - `PSYTHPN` needs a `psychotherapy-note` authorization, and Part 2
 *   labels (`SUD`, `ETH`, `part2: true`) a `sud-records` or
 *   `sud-counselling-note` one (otherwise `sensitivity-needs-authorization`);
 * - a `psychotherapy-note` category is `V` and carries `PSYTHPN`; a
 *   `sud-records` or `sud-counselling-note` category carries Part 2 labels;
 *   an SUD counselling note is `V` and a Part 2 record at least `R`, never
 *   `N` (otherwise `authorization-needs-labels`).
 *
 * @example
 * ```ts
 * import { DisclosureCategory } from "referwell/consent";
 *
 * const category = DisclosureCategory.parse({ code: "hiv-status", label: "HIV status", confidentiality: "R", sensitivity: ["HIV"] });
 * category.authorization; // => "general"
 * DisclosureCategory.safeParse({ code: "notes", label: "Notes", confidentiality: "V", sensitivity: ["PSYTHPN"] }).success; // => false
 * DisclosureCategory.safeParse({ code: "notes", label: "Notes", confidentiality: "R", sensitivity: ["PSYTHPN"], authorization: "psychotherapy-note" }).success; // => false
 * DisclosureCategory.safeParse({ code: "notes", label: "Notes", confidentiality: "V", sensitivity: ["PSYTHPN"], authorization: "psychotherapy-note" }).success; // => true
 * // Part 2 labels need a Part 2 kind, whatever else the category says.
 * DisclosureCategory.safeParse({ code: "alcohol", label: "Alcohol", confidentiality: "R", sensitivity: ["ETH"] }).success; // => false
 * DisclosureCategory.safeParse({ code: "alcohol", label: "Alcohol", confidentiality: "R", sensitivity: ["ETH"], authorization: "sud-records" }).success; // => true
 * DisclosureCategory.safeParse({ code: "mat", label: "Medication for OUD", confidentiality: "R", part2: true, authorization: "sud-records" }).success; // => true
 * ```
 */
export const DisclosureCategory = z
  .strictObject({
    code: CategoryCode,
    label: z.string().min(1).max(100),
    confidentiality: Confidentiality,
    sensitivity: z.array(SensitivityCode).max(16).default(emptyList),
    part2: z.boolean().optional(),
    authorization: AuthorizationKind.default("general"),
  })
  .superRefine((category, ctx) => {
    const { authorization, confidentiality, sensitivity } = category;
    const part2 = marksPart2(category);
    const part2Kind = PART2_KINDS.has(authorization);
    // The labels decide what a category needs: a kind that does not match them would let a note or a Part 2 record out under another authorization.
    const psychotherapy = sensitivity.includes("PSYTHPN") && authorization !== "psychotherapy-note";
    if (psychotherapy || (part2 && !part2Kind))
      ctx.addIssue({ code: "custom", message: "sensitivity-needs-authorization", path: ["authorization"] });
    // And a specific kind brings its labels: a psychotherapy note is V and PSYTHPN; Part 2 records carry Part 2 labels.
    const needsPsythpn = authorization === "psychotherapy-note" && !sensitivity.includes("PSYTHPN");
    if (needsPsythpn || (part2Kind && !part2))
      ctx.addIssue({ code: "custom", message: "authorization-needs-labels", path: ["sensitivity"] });
    // Notes are very restricted and Part 2 records at least restricted: referwell's own default, so a label never understates them.
    const minimum =
      authorization === "psychotherapy-note" || authorization === "sud-counselling-note" ? "V" : part2 || part2Kind ? "R" : "N";
    if (CONFIDENTIALITY_ORDER.indexOf(confidentiality) < CONFIDENTIALITY_ORDER.indexOf(minimum))
      ctx.addIssue({ code: "custom", message: "authorization-needs-labels", path: ["confidentiality"] });
  });
/** A kind of information an update may carry, with its security labels. */
export type DisclosureCategory = z.infer<typeof DisclosureCategory>;

/**
 * The built-in categories. `acknowledgement` (that the client was referred
 * to and is in care with the practice) gates every update: without
 * permission for it, nothing names the client. `substance-use` is treated as
 * a 42 CFR Part 2 record, the stricter reading; a practice that is not a
 * Part 2 program may define its own category. Hosts add categories; they
 * cannot redefine these.
 *
 * | code | confidentiality | sensitivity | needs |
 * | --- | --- | --- | --- |
 * | `acknowledgement` | N | BH | general |
 * | `attendance` | N | BH | general |
 * | `engagement` | N | BH | general |
 * | `treatment-goals` | N | BH | general |
 * | `progress-summary` | R | BH | general |
 * | `diagnosis` | R | PSY | general |
 * | `medication` | R | PSY | general |
 * | `risk` | R | PSY | general |
 * | `test-results` | R | PSY | general |
 * | `substance-use` | R | SUD, ETH | sud-records |
 * | `psychotherapy-note` | V | PSYTHPN, PSY | psychotherapy-note |
 * | `sud-counselling-note` | V | SUD, ETH | sud-counselling-note |
 *
 * @example
 * ```ts
 * import { defaultCategories } from "referwell/consent";
 *
 * defaultCategories.find((category) => category.code === "psychotherapy-note")?.authorization; // => "psychotherapy-note"
 * defaultCategories.length; // => 12
 * ```
 */
export const defaultCategories: readonly DisclosureCategory[] = /* @__PURE__ */ deepFreeze([
  { code: "acknowledgement", label: "Acknowledgement of care", confidentiality: "N", sensitivity: ["BH"], authorization: "general" },
  { code: "attendance", label: "Attendance", confidentiality: "N", sensitivity: ["BH"], authorization: "general" },
  { code: "engagement", label: "Engagement", confidentiality: "N", sensitivity: ["BH"], authorization: "general" },
  { code: "treatment-goals", label: "Treatment goals", confidentiality: "N", sensitivity: ["BH"], authorization: "general" },
  { code: "progress-summary", label: "Progress summary", confidentiality: "R", sensitivity: ["BH"], authorization: "general" },
  { code: "diagnosis", label: "Diagnosis", confidentiality: "R", sensitivity: ["PSY"], authorization: "general" },
  { code: "medication", label: "Medication", confidentiality: "R", sensitivity: ["PSY"], authorization: "general" },
  { code: "risk", label: "Risk", confidentiality: "R", sensitivity: ["PSY"], authorization: "general" },
  { code: "test-results", label: "Test results", confidentiality: "R", sensitivity: ["PSY"], authorization: "general" },
  { code: "substance-use", label: "Substance use", confidentiality: "R", sensitivity: ["SUD", "ETH"], authorization: "sud-records" },
  {
    code: "psychotherapy-note",
    label: "Psychotherapy note",
    confidentiality: "V",
    sensitivity: ["PSYTHPN", "PSY"],
    authorization: "psychotherapy-note",
  },
  {
    code: "sud-counselling-note",
    label: "SUD counselling note",
    confidentiality: "V",
    sensitivity: ["SUD", "ETH"],
    authorization: "sud-counselling-note",
  },
]);

/**
 * The short statement that must accompany a disclosure of Part 2 records:
 * 42 CFR 2.32(a)(2) as amended in 2024 (89 FR 12472), word for word. It is
 * the default of `part2Notice: "short"`; § 2.32(b) also asks the host to
 * send a copy of the consent or a clear explanation of its scope.
 *
 * @example
 * ```ts
 * import { part2RedisclosureNotice } from "referwell/consent";
 *
 * part2RedisclosureNotice; // => "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
 * ```
 */
export const part2RedisclosureNotice = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

/**
 * The full statement of 42 CFR 2.32(a)(1) ("Statement 1") as amended in
 * 2024 (89 FR 12472), word for word: what `part2Notice: "full"` attaches.
 * A host chooses between the regulation's two statements; it cannot pass
 * text of its own.
 *
 * @example
 * ```ts
 * import { part2FullNotice } from "referwell/consent";
 *
 * part2FullNotice.startsWith("This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2)."); // => true
 * ```
 */
export const part2FullNotice =
  "This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). " +
  "These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, " +
  "in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, " +
  "unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. " +
  "In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: " +
  "(i) Further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record " +
  "or as otherwise permitted by 42 CFR part 2. " +
  "(ii) You are a covered entity or business associate and have received the record for treatment, payment, or health care operations, or " +
  "(iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. " +
  "A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent " +
  "to further use or redisclose the record (see 42 CFR 2.31).";
