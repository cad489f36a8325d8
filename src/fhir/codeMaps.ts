/**
 * The code maps between FHIR codings and referwell's tags, as data: SNOMED CT
 * and ICD-10-CM codes for the built-in problem areas, NUCC Health Care
 * Provider Taxonomy codes for the built-in disciplines. Curated subsets,
 * each entry with its source; hosts add entries of their own.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "../model/internal/emptyList.js";
import { deepFreeze } from "../model/internal/deepFreeze.js";
import { Tag } from "../model/defaultVocabulary.js";

/**
 * The code systems the maps use, by their FHIR canonical URLs (FHIR R4
 * terminology page, https://hl7.org/fhir/R4/terminologies-systems.html; NUCC
 * as Da Vinci Plan-Net 1.1.0 writes it).
 *
 * @example
 * ```ts
 * import { CodeSystems } from "referwell/fhir";
 *
 * CodeSystems.snomed; // => "http://snomed.info/sct"
 * ```
 */
export const CodeSystems = /* @__PURE__ */ deepFreeze({
  snomed: "http://snomed.info/sct",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  nucc: "http://nucc.org/provider-taxonomy",
  bcp47: "urn:ietf:bcp:47",
} as const);

/**
 * One mapping: a code of a system stands for a referwell tag. `match`
 * `prefix` maps every code that starts with `code` (an ICD-10-CM category
 * such as `F32` maps `F32.1`); the first entry that matches wins, and the
 * host's entries come before the defaults. Going out, a tag is written with
 * the first entry of each system that names it. `source` says where the code
 * comes from.
 *
 * @example
 * ```ts
 * import { CodeMapEntry } from "referwell/fhir";
 *
 * CodeMapEntry.parse({ system: "http://snomed.info/sct", code: "35489007", tag: "depression", source: "SNOMED CT" }).match; // => "exact"
 * ```
 */
export const CodeMapEntry = z.strictObject({
  system: z.string().min(1).max(500),
  code: z.string().min(1).max(100),
  match: z.enum(["exact", "prefix"]).default("exact"),
  tag: Tag,
  source: z.string().min(1).max(500),
});
/** One mapping from a code to a referwell tag. */
export type CodeMapEntry = z.infer<typeof CodeMapEntry>;

/**
 * Code maps for problem areas (conditions and specialties) and disciplines
 * (provider taxonomy). Given as an option, its entries come before the
 * defaults, so a host can add codes or map a code differently.
 *
 * @example
 * ```ts
 * import { CodeMaps } from "referwell/fhir";
 *
 * CodeMaps.parse({}).problemAreas; // => []
 * ```
 */
export const CodeMaps = z.strictObject({
  problemAreas: z.array(CodeMapEntry).max(5_000).default(emptyList),
  disciplines: z.array(CodeMapEntry).max(5_000).default(emptyList),
});
/** Code maps for problem areas and disciplines. */
export type CodeMaps = z.infer<typeof CodeMaps>;
/** {@link CodeMaps} as a caller writes it, before defaults are filled in. */
export type CodeMapsInput = z.input<typeof CodeMaps>;

const SNOMED_SOURCE = "SNOMED CT International Edition, concept id (https://browser.ihtsdotools.org)";
const ICD_SOURCE = "ICD-10-CM Tabular List FY2025, CDC/NCHS (https://www.cdc.gov/nchs/icd/icd-10-cm/)";
const NUCC_SOURCE = "NUCC Health Care Provider Taxonomy code set (https://taxonomy.nucc.org)";

type Row = readonly [code: string, tag: string];

const exact = (system: string, source: string, rows: readonly Row[]): CodeMapEntry[] =>
  rows.map(([code, tag]) => ({ system, code, match: "exact", tag, source }));
/** ICD-10-CM categories and subcategories map every code below them. */
const below = (rows: readonly Row[]): CodeMapEntry[] =>
  rows.map(([code, tag]) => ({ system: CodeSystems.icd10cm, code, match: "prefix", tag, source: ICD_SOURCE }));

/**
 * referwell's default code maps: a curated subset, each code checked against
 * its source (see `source` on each entry). Problem areas with no fitting
 * diagnosis (self-esteem, sexual orientation, chronic illness,
 * neuropsychological assessment) have no code on purpose; disciplines with no
 * taxonomy code (lawyer, psychotherapist, other) neither.
 *
 * @example
 * ```ts
 * import { defaultCodeMaps } from "referwell/fhir";
 *
 * defaultCodeMaps.problemAreas.find((entry) => entry.code === "F32")?.tag; // => "depression"
 * defaultCodeMaps.disciplines.find((entry) => entry.code === "103T00000X")?.tag; // => "psychologist"
 * ```
 */
export const defaultCodeMaps: Readonly<CodeMaps> = /* @__PURE__ */ deepFreeze({
  problemAreas: [
    ...exact(CodeSystems.snomed, SNOMED_SOURCE, [
      ["35489007", "depression"], // Depressive disorder
      ["370143000", "depression"], // Major depressive disorder
      ["197480006", "anxiety"], // Anxiety disorder
      ["21897009", "anxiety"], // Generalized anxiety disorder
      ["371631005", "panic"], // Panic disorder
      ["25501002", "social-anxiety"], // Social phobia
      ["191736004", "ocd"], // Obsessive-compulsive disorder
      ["47505003", "trauma"], // Posttraumatic stress disorder
      ["72366004", "eating-disorders"], // Eating disorder
      ["56882008", "eating-disorders"], // Anorexia nervosa
      ["78004001", "eating-disorders"], // Bulimia nervosa
      ["66214007", "substance-use"], // Substance abuse
      ["7200002", "substance-use"], // Alcoholism
      ["18085000", "gambling"], // Pathological gambling
      ["13746004", "bipolar"], // Bipolar disorder
      ["69322001", "psychosis"], // Psychotic disorder
      ["58214004", "psychosis"], // Schizophrenia
      ["33449004", "personality-disorders"], // Personality disorder
      ["20010003", "personality-disorders"], // Borderline personality disorder
      ["6471006", "suicidality"], // Suicidal thoughts
      ["406506008", "adhd"], // Attention deficit hyperactivity disorder
      ["58703003", "perinatal"], // Postpartum depression
      ["8619003", "infertility"], // Infertility
      ["193462001", "sleep"], // Insomnia
      ["82423001", "chronic-pain"], // Chronic pain
    ]),
    ...below([
      ["F32", "depression"], // Major depressive disorder, single episode
      ["F33", "depression"], // Major depressive disorder, recurrent
      ["F34.1", "depression"], // Dysthymic disorder
      ["F41.0", "panic"], // Panic disorder [episodic paroxysmal anxiety]
      ["F41.1", "anxiety"], // Generalized anxiety disorder
      ["F40.1", "social-anxiety"], // Social phobias
      ["F40.2", "phobias"], // Specific (isolated) phobias
      ["F45.21", "health-anxiety"], // Hypochondriasis
      ["F42", "ocd"], // Obsessive-compulsive disorder
      ["F43.1", "trauma"], // Post-traumatic stress disorder (PTSD)
      ["Z63.4", "grief"], // Disappearance and death of family member
      ["F50", "eating-disorders"], // Eating disorders
      ["F10", "substance-use"], // Alcohol related disorders
      ["F11", "substance-use"], // Opioid related disorders
      ["F12", "substance-use"], // Cannabis related disorders
      ["F13", "substance-use"], // Sedative, hypnotic, or anxiolytic related disorders
      ["F14", "substance-use"], // Cocaine related disorders
      ["F15", "substance-use"], // Other stimulant related disorders
      ["F16", "substance-use"], // Hallucinogen related disorders
      ["F18", "substance-use"], // Inhalant related disorders
      ["F19", "substance-use"], // Other psychoactive substance related disorders
      ["F63.0", "gambling"], // Pathological gambling
      ["F31", "bipolar"], // Bipolar disorder
      ["F20", "psychosis"], // Schizophrenia
      ["F29", "psychosis"], // Unspecified psychosis not due to a substance or known physiological condition
      ["F60", "personality-disorders"], // Specific personality disorders
      ["R45.851", "suicidality"], // Suicidal ideations
      ["F90", "adhd"], // Attention-deficit hyperactivity disorders
      ["F84.0", "autism"], // Autistic disorder
      ["F81", "learning-difficulties"], // Specific developmental disorders of scholastic skills
      ["Z63.0", "relationship-issues"], // Problems in relationship with spouse or partner
      ["F91", "child-behavior"], // Conduct disorders
      ["Z55", "school-issues"], // Problems related to education and literacy
      ["F53", "perinatal"], // Mental and behavioral disorders associated with the puerperium
      ["N97", "infertility"], // Female infertility
      ["N46", "infertility"], // Male infertility
      ["Z60.0", "life-transitions"], // Problems of adjustment to life-cycle transitions
      ["Z73.0", "stress"], // Burn-out
      ["R45.4", "anger"], // Irritability and anger
      ["F51.0", "sleep"], // Insomnia not due to a substance or known physiological condition
      ["G47.0", "sleep"], // Insomnia
      ["G89.2", "chronic-pain"], // Chronic pain, not elsewhere classified
      ["F52", "sexual-health"], // Sexual dysfunction not due to a substance or known physiological condition
      ["F64", "gender-dysphoria"], // Gender identity disorders: the distress is the need, not the identity
      ["Z63.5", "divorce"], // Disruption of family by separation and divorce
    ]),
  ],
  disciplines: exact(CodeSystems.nucc, NUCC_SOURCE, [
    ["103T00000X", "psychologist"], // Psychologist
    ["103TC0700X", "psychologist"], // Psychologist, Clinical
    ["2084P0800X", "psychiatrist"], // Psychiatry & Neurology, Psychiatry
    ["363LP0808X", "psychiatric-nurse-practitioner"], // Nurse Practitioner, Psychiatric/Mental Health
    ["1041C0700X", "clinical-social-worker"], // Social Worker, Clinical
    ["104100000X", "clinical-social-worker"], // Social Worker
    ["101YM0800X", "counselor"], // Counselor, Mental Health
    ["101YP2500X", "counselor"], // Counselor, Professional
    ["101Y00000X", "counselor"], // Counselor
    ["106H00000X", "marriage-family-therapist"], // Marriage & Family Therapist
    ["225X00000X", "occupational-therapist"], // Occupational Therapist
    ["235Z00000X", "speech-language-pathologist"], // Speech-Language Pathologist
    ["133V00000X", "dietitian"], // Dietitian, Registered
    ["133N00000X", "nutritionist"], // Nutritionist
    ["175F00000X", "naturopath"], // Naturopath
    ["207Q00000X", "general-practitioner"], // Family Medicine
    ["208D00000X", "general-practitioner"], // General Practice
    ["208000000X", "paediatrician"], // Pediatrics
    ["207V00000X", "gynaecologist"], // Obstetrics & Gynecology
    ["225100000X", "physiotherapist"], // Physical Therapist
    ["101YS0200X", "school-counselor"], // Counselor, School
  ]),
});
