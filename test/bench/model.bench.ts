import { bench, describe } from "vitest";
import { createVocabulary, Directory, normalizeTag, validate } from "referwell";
import { syntheticDirectory } from "../arbitraries/synthetic.js";

const directory = JSON.parse(JSON.stringify(syntheticDirectory({ seed: 1, clinicians: 10_000 })));

// validate() reads well-formed input through the schema's compiled reader, with zod's own output; zod's parse is the baseline.
describe("validate a 10,000-clinician directory", () => {
  bench("zod safeParse (baseline)", () => {
    Directory.safeParse(directory);
  });
  bench("referwell validate", () => {
    validate(Directory, directory, "directory");
  });
});

const vocabulary = createVocabulary();
const tags = directory.clinicians.flatMap((c: { modalities: string[] }) => c.modalities).slice(0, 5_000) as string[];

// The baseline normalizes every tag; the vocabulary skips that for tags that are already codes.
describe("resolve 5,000 tags", () => {
  bench("normalizeTag on every tag (baseline)", () => {
    for (const tag of tags) normalizeTag(tag);
  });
  bench("compiled vocabulary", () => {
    for (const tag of tags) vocabulary.canonical("modalities", tag);
  });
});
