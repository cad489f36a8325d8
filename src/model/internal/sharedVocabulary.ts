import { createVocabulary, type Vocabulary } from "../createVocabulary.js";

let shared: Vocabulary | undefined;

/**
 * The default vocabulary, compiled once and frozen: what a function uses when
 * the caller passes none. Compiling it costs about half a millisecond, which
 * a call per client or per referral would otherwise pay each time.
 */
export function sharedVocabulary(): Vocabulary {
  shared ??= Object.freeze(createVocabulary());
  return shared;
}
