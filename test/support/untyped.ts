/**
 * Passes a value to a typed parameter without the compiler's check, for tests
 * that hand the library hostile or deliberately malformed input on purpose:
 * the run-time validation is what they test.
 */
export const untyped = (value: unknown): never => value as never;
