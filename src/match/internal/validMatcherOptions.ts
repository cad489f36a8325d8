import { Directory } from "../../model/directory.js";
import { validate } from "../../model/validate.js";
import { MatcherOptions } from "../schemas.js";

/**
 * A matcher's options, validated before its directory is (compiling needs
 * them from the first clinician on); when they are malformed, the
 * directory is validated first all the same, so a malformed directory is
 * the error named, as when the directory came first.
 */
export function validMatcherOptions(directory: unknown, options: unknown): MatcherOptions {
  try {
    return validate(MatcherOptions, options, "options");
  } catch (error) {
    validate(Directory, directory, "directory");
    throw error;
  }
}
