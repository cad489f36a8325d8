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

/**
 * Why information is disclosed: purpose-of-use codes from HL7 v3 ActReason
 * (`http://terminology.hl7.org/CodeSystem/v3-ActReason`). Codes match
 * exactly: a consent that lists `TREAT` does not cover `COC`; list every
 * purpose the client agreed to.
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

/**
 * What a consent authorizes, and what a category needs. A consent permits
 * only categories that need its own kind, so a general consent never
 * unlocks the others, and a specific authorization unlocks nothing else:
 *
 * - `general`: the client's consent to share ordinary care information
 *   (HIPAA 45 CFR 164.506 and 164.508; UK/EU GDPR Art. 9(2)(a) explicit
 *   consent).
 * - `psychotherapy-note`: an authorization for psychotherapy notes, which
 *   HIPAA requires on its own (45 CFR 164.508(a)(2)) and forbids combining
 *   with other authorizations (164.508(b)(3)(ii)).
 * - `sud-records`: a written consent under 42 CFR Part 2 (§ 2.31) for
 *   records of a Part 2 substance-use-disorder program.
 * - `sud-counselling-note`: a consent for SUD counselling notes, which the
 *   2024 Part 2 rule (89 FR 12472) keeps apart like psychotherapy notes.
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
 * a confidentiality level, DS4P sensitivity codes, and the kind of
 * authorization that can permit it. The labels and the kind must agree, so
 * that a note is never labelled as ordinary information:
 *
 * - `PSYTHPN` needs a `psychotherapy-note` authorization, and `SUD` a
 *   specific one (a `general` category carrying either is
 *   `sensitivity-needs-authorization`);
 * - a `psychotherapy-note` category is `V` and carries `PSYTHPN`, and a
 *   `sud-records` or `sud-counselling-note` category carries `SUD`
 *   (otherwise `authorization-needs-labels`).
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
 * ```
 */
export const DisclosureCategory = z
  .strictObject({
    code: CategoryCode,
    label: z.string().min(1).max(100),
    confidentiality: Confidentiality,
    sensitivity: z.array(SensitivityCode).max(16).default(emptyList),
    authorization: AuthorizationKind.default("general"),
  })
  .superRefine((category, ctx) => {
    const { authorization, confidentiality, sensitivity } = category;
    // A code that needs a specific authorization on a category another kind unlocks would mislabel it.
    const psychotherapy = sensitivity.includes("PSYTHPN") && authorization !== "psychotherapy-note";
    const sud = sensitivity.includes("SUD") && authorization === "general";
    if (psychotherapy || sud) ctx.addIssue({ code: "custom", message: "sensitivity-needs-authorization", path: ["authorization"] });
    // And a specific kind brings its labels: a psychotherapy note is V and PSYTHPN; SUD records and counselling notes carry SUD.
    if (authorization === "psychotherapy-note" && confidentiality !== "V")
      ctx.addIssue({ code: "custom", message: "authorization-needs-labels", path: ["confidentiality"] });
    const needed = authorization === "psychotherapy-note" ? "PSYTHPN" : PART2_KINDS.has(authorization) ? "SUD" : undefined;
    if (needed !== undefined && !sensitivity.includes(needed))
      ctx.addIssue({ code: "custom", message: "authorization-needs-labels", path: ["sensitivity"] });
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
 * The statement that must accompany every disclosure of Part 2 records made
 * with the patient's written consent: the short form of 42 CFR 2.32(a)(2)
 * as amended in 2024. A host that prefers the long form (§ 2.32(a)(1)) can
 * pass its own text as `part2Notice`; § 2.32(b) also asks the host to send
 * a copy of the consent or a clear explanation of its scope.
 *
 * @example
 * ```ts
 * import { part2RedisclosureNotice } from "referwell/consent";
 *
 * part2RedisclosureNotice; // => "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
 * ```
 */
export const part2RedisclosureNotice = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";
