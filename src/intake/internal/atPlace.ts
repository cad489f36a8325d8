import { FROM_SCHEMA, InvalidInputError } from "../../errors.js";

/**
 * Runs `read` on one referral of many; an error about its events is raised
 * again under `name`, with the referral's place put before each path, so
 * the host learns which referral it was without a value from it.
 */
export function atPlace<T>(name: string, place: ReadonlyArray<string | number>, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(
      name,
      error.issues.map((issue) => ({ ...issue, path: [...place, ...issue.path] })),
      // The issues were made safe when first raised; moving them under a place keeps what they expected.
      FROM_SCHEMA,
    );
  }
}
