/**
 * The open code lists: problem areas, modalities, populations and
 * disciplines. Models store tags as written; a {@link Vocabulary} resolves
 * each to its canonical code so synonyms ("CBT", "cognitive behavioural
 * therapy") compare equal. Hosts extend the lists with their own codes and
 * synonyms.
 *
 * @module
 */
import * as z from "zod";
import { emptyList } from "./internal/emptyList.js";
import { deepFreeze } from "./internal/deepFreeze.js";
import { ExpectedText } from "../errors.js";

/**
 * A tag in one of the open code lists, as written by a person or a system.
 *
 * @example
 * ```ts
 * import { Tag } from "referwell";
 *
 * Tag.safeParse("Cognitive Behavioural Therapy").success; // => true
 * Tag.safeParse("").success; // => false
 * ```
 */
export const Tag = z
  .string()
  .max(100)
  .regex(/[\p{L}\p{N}]/u, { error: ExpectedText.tag });
/** A tag in one of the open code lists. */
export type Tag = z.infer<typeof Tag>;

/**
 * The names of the open code lists.
 *
 * @example
 * ```ts
 * import { VocabularyList } from "referwell";
 *
 * VocabularyList.options; // => ["problemAreas", "modalities", "populations", "disciplines"]
 * ```
 */
export const VocabularyList = z.enum(["problemAreas", "modalities", "populations", "disciplines"]);
/** The name of one open code list. */
export type VocabularyList = z.infer<typeof VocabularyList>;

/**
 * One code of a list: the canonical code, a label for people, and the
 * synonyms that resolve to it.
 *
 * @example
 * ```ts
 * import { VocabularyEntry } from "referwell";
 *
 * VocabularyEntry.parse({ code: "cft", label: "Compassion-focused therapy", synonyms: ["compassion focused"] }).code; // => "cft"
 * ```
 */
export const VocabularyEntry = z.strictObject({
  code: Tag,
  label: z.string().min(1).max(200),
  synonyms: z.array(Tag).max(100).default(emptyList),
});
/** One code of a list. */
export type VocabularyEntry = z.infer<typeof VocabularyEntry>;

/**
 * Codes and synonyms a host adds to the defaults. An entry whose code is
 * already known adds its synonyms (and its label replaces the default one).
 *
 * @example
 * ```ts
 * import { VocabularyExtension } from "referwell";
 *
 * const extension = VocabularyExtension.parse({
 *   modalities: [{ code: "cft", label: "Compassion-focused therapy", synonyms: ["compassion focused"] }],
 * });
 * extension.problemAreas; // => []
 * ```
 */
export const VocabularyExtension = z.strictObject({
  problemAreas: z.array(VocabularyEntry).max(2000).default(emptyList),
  modalities: z.array(VocabularyEntry).max(2000).default(emptyList),
  populations: z.array(VocabularyEntry).max(2000).default(emptyList),
  disciplines: z.array(VocabularyEntry).max(2000).default(emptyList),
});
/** Codes and synonyms a host adds to the defaults. */
export type VocabularyExtension = z.infer<typeof VocabularyExtension>;
/** {@link VocabularyExtension} as a caller writes it, before defaults are filled in: what the functions taking it accept. */
export type VocabularyExtensionInput = z.input<typeof VocabularyExtension>;

type EntryTuple = readonly [code: string, label: string, synonyms?: readonly string[]];

const toEntries = (tuples: readonly EntryTuple[]): readonly VocabularyEntry[] =>
  tuples.map(([code, label, synonyms = []]) => ({ code, label, synonyms: [...synonyms] }));

/**
 * The built-in code lists. Problem areas and populations follow the
 * categories therapist directories commonly use; modalities name the
 * evidence-based treatments by their usual abbreviations.
 *
 * @example
 * ```ts
 * import { defaultVocabulary } from "referwell";
 *
 * defaultVocabulary.modalities.find((entry) => entry.code === "cbt")?.label; // => "Cognitive behavioural therapy"
 * ```
 */
export const defaultVocabulary: Readonly<Record<VocabularyList, readonly VocabularyEntry[]>> = /* @__PURE__ */ deepFreeze({
  problemAreas: toEntries([
    ["depression", "Depression", ["low mood", "major depressive disorder", "mdd", "dysthymia"]],
    ["anxiety", "Anxiety", ["generalized anxiety", "gad", "worry"]],
    ["panic", "Panic", ["panic disorder", "panic attacks"]],
    ["social-anxiety", "Social anxiety"],
    ["phobias", "Specific phobias", ["phobia"]],
    ["health-anxiety", "Health anxiety", ["hypochondria"]],
    ["ocd", "Obsessive-compulsive disorder", ["obsessive compulsive disorder", "obsessive-compulsive"]],
    ["trauma", "Trauma and PTSD", ["ptsd", "post-traumatic stress", "complex trauma", "cptsd"]],
    ["grief", "Grief and loss", ["bereavement", "grief and loss"]],
    ["eating-disorders", "Eating disorders", ["anorexia", "bulimia", "binge eating", "arfid"]],
    ["substance-use", "Substance use", ["addiction", "alcohol use", "drug use", "sud"]],
    ["gambling", "Gambling", ["problem gambling"]],
    ["bipolar", "Bipolar disorder", ["bipolar disorder"]],
    ["psychosis", "Psychosis", ["schizophrenia"]],
    ["personality-disorders", "Personality disorders", ["bpd", "borderline personality disorder"]],
    ["self-harm", "Self-harm", ["self harm", "self-injury", "nssi"]],
    ["suicidality", "Suicidal thoughts", ["suicidal ideation"]],
    ["adhd", "ADHD", ["attention deficit", "add"]],
    ["autism", "Autism", ["asd", "autism spectrum"]],
    ["learning-difficulties", "Learning difficulties", ["learning disorders", "dyslexia"]],
    ["relationship-issues", "Relationship issues", ["couples issues", "marital issues"]],
    ["parenting", "Parenting"],
    ["child-behavior", "Child behaviour", ["behavior problems", "oppositional defiance"]],
    ["school-issues", "School issues", ["school refusal"]],
    ["perinatal", "Perinatal mental health", ["postpartum", "postnatal depression", "pregnancy"]],
    ["infertility", "Infertility"],
    ["life-transitions", "Life transitions"],
    ["stress", "Stress and burnout", ["burnout", "work stress"]],
    ["anger", "Anger"],
    ["sleep", "Sleep problems", ["insomnia"]],
    ["chronic-pain", "Chronic pain"],
    ["chronic-illness", "Chronic illness"],
    ["sexual-health", "Sexual health", ["sex therapy"]],
    // Distress with one's assigned gender (DSM-5 gender dysphoria) can be a need; identity itself is not (see populations).
    ["gender-dysphoria", "Gender dysphoria", ["gender identity disorder"]],
    ["divorce", "Separation and divorce", ["separation"]],
    ["self-esteem", "Self-esteem"],
    ["neuropsychological-assessment", "Neuropsychological assessment", ["cognitive assessment"]],
  ]),
  modalities: toEntries([
    ["cbt", "Cognitive behavioural therapy", ["cognitive behavioral therapy", "cognitive behaviour therapy"]],
    ["dbt", "Dialectical behaviour therapy", ["dialectical behavioral therapy"]],
    ["act", "Acceptance and commitment therapy"],
    ["emdr", "Eye movement desensitisation and reprocessing", ["eye movement desensitization and reprocessing"]],
    ["cpt", "Cognitive processing therapy"],
    ["pe", "Prolonged exposure", ["prolonged exposure therapy"]],
    ["erp", "Exposure and response prevention", ["exposure and response prevention therapy"]],
    ["tf-cbt", "Trauma-focused CBT", ["trauma focused cbt", "trauma-focused cognitive behavioral therapy"]],
    ["cbt-i", "CBT for insomnia", ["cognitive behavioral therapy for insomnia"]],
    ["cbt-e", "Enhanced CBT for eating disorders", ["enhanced cbt"]],
    ["fbt", "Family-based treatment", ["family based treatment", "maudsley"]],
    ["mbct", "Mindfulness-based cognitive therapy", ["mindfulness-based cognitive therapy"]],
    ["ipt", "Interpersonal therapy", ["interpersonal psychotherapy"]],
    ["psychodynamic", "Psychodynamic therapy", ["psychodynamic psychotherapy", "psychoanalytic"]],
    ["schema-therapy", "Schema therapy"],
    ["ifs", "Internal family systems", ["internal family systems"]],
    ["eft", "Emotionally focused therapy", ["emotionally focused couples therapy", "efct"]],
    ["gottman", "Gottman method", ["gottman method couples therapy"]],
    ["family-systems", "Family systems therapy", ["family therapy", "systemic therapy"]],
    ["pcit", "Parent-child interaction therapy", ["parent child interaction therapy"]],
    ["play-therapy", "Play therapy"],
    ["solution-focused", "Solution-focused brief therapy", ["sfbt"]],
    ["motivational-interviewing", "Motivational interviewing", ["mi"]],
    ["person-centered", "Person-centred therapy", ["person centred", "client centered", "rogerian"]],
    ["narrative", "Narrative therapy"],
    ["cft", "Compassion-focused therapy", ["compassion focused therapy"]],
    ["somatic", "Somatic therapy", ["somatic experiencing", "sensorimotor"]],
    ["art-therapy", "Art therapy"],
    ["group-therapy", "Group therapy"],
    ["medication-management", "Medication management", ["psychopharmacology"]],
    ["psychological-assessment", "Psychological assessment", ["psychometric assessment", "testing"]],
  ]),
  populations: toEntries([
    ["children", "Children (under 13)", ["child", "kids"]],
    ["adolescents", "Adolescents (13–17)", ["adolescent", "teens", "teenagers", "youth"]],
    ["adults", "Adults", ["adult"]],
    ["older-adults", "Older adults (65+)", ["older adult", "seniors", "elderly"]],
    ["couples", "Couples", ["couple"]],
    ["families", "Families", ["family"]],
    ["groups", "Groups", ["group"]],
    // Identity is not a problem: LGBTQ+-affirming care is a population served (APA 2021, sexual minority persons; APA 2015, TGNC people).
    [
      "lgbtq-affirming",
      "LGBTQ+-affirming care",
      [
        "lgbtq",
        "lgbtqia",
        "lgbtq+",
        "sexual orientation",
        "gender identity",
        "sexual-orientation",
        "gender-identity",
        "transgender",
        "queer",
      ],
    ],
  ]),
  disciplines: toEntries([
    ["psychologist", "Psychologist", ["clinical psychologist", "counseling psychologist"]],
    ["psychiatrist", "Psychiatrist", ["psychiatry"]],
    ["psychiatric-nurse-practitioner", "Psychiatric nurse practitioner", ["pmhnp", "mental health nurse practitioner"]],
    ["clinical-social-worker", "Clinical social worker", ["lcsw", "social worker", "social work"]],
    ["counselor", "Counsellor", ["professional counselor", "lpc", "lmhc", "mental health counselor"]],
    ["marriage-family-therapist", "Marriage and family therapist", ["mft", "lmft", "family therapist"]],
    ["psychotherapist", "Psychotherapist"],
    ["occupational-therapist", "Occupational therapist", ["ot"]],
    ["speech-language-pathologist", "Speech-language pathologist", ["speech pathologist", "speech therapist", "slp"]],
    ["dietitian", "Dietitian", ["dietician", "registered dietitian"]],
    ["nutritionist", "Nutritionist"],
    ["naturopath", "Naturopath", ["naturopathic doctor"]],
    ["general-practitioner", "General practitioner", ["gp", "pcp", "primary care physician", "family physician", "family doctor"]],
    ["paediatrician", "Paediatrician", ["pediatrician"]],
    ["gynaecologist", "Gynaecologist", ["gynecologist", "obgyn", "ob-gyn", "obstetrician"]],
    ["physiotherapist", "Physiotherapist", ["physical therapist", "pt"]],
    ["school-counselor", "School counsellor", ["school psychologist", "school"]],
    ["lawyer", "Lawyer", ["attorney", "family lawyer", "solicitor"]],
    ["other", "Other"],
  ]),
});
