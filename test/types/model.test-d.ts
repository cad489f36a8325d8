/** Compile-time contract of the shared model: typed inputs, and mistakes that do not compile. */
import { describe, expectTypeOf, test } from "vitest";
import { createVocabulary, type Vocabulary, type VocabularyExtensionInput } from "referwell";

describe("referwell (model)", () => {
  test("parameters are the schemas' input types", () => {
    expectTypeOf(createVocabulary).parameters.toEqualTypeOf<[VocabularyExtensionInput?]>();
    expectTypeOf(createVocabulary).returns.toEqualTypeOf<Vocabulary>();
  });

  test("a misspelled key or a wrong argument does not compile", () => {
    // @ts-expect-error: `modality` is no list (`modalities` is)
    createVocabulary({ modality: [{ code: "cft", label: "Compassion-focused therapy" }] });
    // @ts-expect-error: `synonym` misspelled
    createVocabulary({ modalities: [{ code: "cft", label: "Compassion-focused therapy", synonym: ["cft"] }] });
    // @ts-expect-error: a list, not an extension
    createVocabulary([{ code: "cft", label: "Compassion-focused therapy" }]);
  });
});
