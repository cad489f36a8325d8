import * as z from "zod";

/**
 * The lists a tag is looked up in: the four open code lists of the
 * vocabulary, and `languages` (BCP 47 tags, whose primary subtag is checked
 * against ISO 639-1).
 *
 * @example
 * ```ts
 * import { TagList } from "referwell";
 *
 * TagList.options; // => ["problemAreas", "modalities", "populations", "disciplines", "languages"]
 * ```
 */
export const TagList = z.enum(["problemAreas", "modalities", "populations", "disciplines", "languages"]);
/** A list a tag is looked up in. */
export type TagList = z.infer<typeof TagList>;

/**
 * A tag of the input that no list knows: a problem area, modality,
 * population or discipline that is neither a code nor a synonym of the
 * vocabulary (the defaults and the host's extension), or a language whose
 * two-letter primary subtag is no ISO 639-1 code. Such a tag still compares
 * on its normalized spelling, so it matches only the same spelling; it is
 * reported so a host can correct it or extend the vocabulary.
 *
 * `path` says where the tag is, from the argument the function names in its
 * docs (`["criteria", "require", "problemAreas", 0]`); it never holds the tag
 * itself, which is client data.
 *
 * @example
 * ```ts
 * import { UnknownTag } from "referwell";
 *
 * UnknownTag.parse({ path: ["criteria", "prefer", "problemAreas", 1], list: "problemAreas" }).list; // => "problemAreas"
 * ```
 */
export const UnknownTag = z.strictObject({
  path: z.array(z.union([z.string(), z.number().int().min(0)])).max(20),
  list: TagList,
});
/** A tag of the input that no list knows, by its path. */
export type UnknownTag = z.infer<typeof UnknownTag>;
