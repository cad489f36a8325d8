import { ExpectedText, FROM_SCHEMA, InvalidInputError, type InputIssueDraft } from "../../errors.js";

/**
 * A FHIR JSON object. The element names referwell reads are listed so they
 * read as properties; any other key is still there, unread.
 */
export interface FhirObject {
  readonly [key: string]: unknown;
  readonly active?: unknown;
  readonly address?: unknown;
  readonly allDay?: unknown;
  readonly availableEndTime?: unknown;
  readonly availableStartTime?: unknown;
  readonly availableTime?: unknown;
  readonly code?: unknown;
  readonly coding?: unknown;
  readonly communication?: unknown;
  readonly country?: unknown;
  readonly currency?: unknown;
  readonly daysOfWeek?: unknown;
  readonly end?: unknown;
  readonly extension?: unknown;
  readonly family?: unknown;
  readonly gender?: unknown;
  readonly given?: unknown;
  readonly id?: unknown;
  readonly issuer?: unknown;
  readonly latitude?: unknown;
  readonly location?: unknown;
  readonly longitude?: unknown;
  readonly name?: unknown;
  readonly network?: unknown;
  readonly organization?: unknown;
  readonly ownedBy?: unknown;
  readonly period?: unknown;
  readonly position?: unknown;
  readonly practitioner?: unknown;
  readonly qualification?: unknown;
  readonly reference?: unknown;
  readonly resourceType?: unknown;
  readonly specialty?: unknown;
  readonly start?: unknown;
  readonly state?: unknown;
  readonly system?: unknown;
  readonly text?: unknown;
  readonly url?: unknown;
  readonly value?: unknown;
  readonly valueBoolean?: unknown;
  readonly valueCode?: unknown;
  readonly valueCodeableConcept?: unknown;
  readonly valueInteger?: unknown;
  readonly valueMoney?: unknown;
  readonly valueReference?: unknown;
  readonly valueString?: unknown;
  readonly valueUnsignedInt?: unknown;
  readonly valueDecimal?: unknown;
  readonly valueIdentifier?: unknown;
  readonly valueDate?: unknown;
  readonly valuePeriod?: unknown;
  readonly birthDate?: unknown;
  readonly use?: unknown;
  readonly type?: unknown;
  readonly payor?: unknown;
  readonly class?: unknown;
  readonly status?: unknown;
  readonly clinicalStatus?: unknown;
  readonly verificationStatus?: unknown;
  readonly severity?: unknown;
  readonly beneficiary?: unknown;
  readonly subject?: unknown;
  readonly patient?: unknown;
  readonly action?: unknown;
  readonly actor?: unknown;
  readonly category?: unknown;
  readonly data?: unknown;
  readonly dataPeriod?: unknown;
  readonly dateTime?: unknown;
  readonly identifier?: unknown;
  readonly policyRule?: unknown;
  readonly provision?: unknown;
  readonly purpose?: unknown;
  readonly role?: unknown;
  readonly scope?: unknown;
  readonly securityLabel?: unknown;
}

/** A place in a FHIR input: the argument's name, then element names and indexes, as FHIRPath writes them. */
export type FhirPath = readonly (string | number)[];

/**
 * Reads untrusted FHIR JSON and collects what is wrong with it, by path and
 * rule only: no value ever enters an issue. Readers return `undefined` for a
 * missing or broken element, so one pass finds every issue.
 */
export class FhirReader {
  readonly issues: InputIssueDraft[] = [];

  /** Adds an issue at `path`. */
  report(path: FhirPath, code: InputIssueDraft["code"], expected?: string): undefined {
    this.issues.push(expected === undefined ? { path, code } : { path, code, expected });
    return undefined;
  }

  /** A JSON object, or undefined (reported when required). */
  object(value: unknown, path: FhirPath, required = false): FhirObject | undefined {
    if (value === undefined || value === null) return required ? this.report(path, "required", ExpectedText.object) : undefined;
    if (typeof value !== "object" || Array.isArray(value)) return this.report(path, "invalid-type", ExpectedText.object);
    return value as FhirObject;
  }

  /** A JSON array (empty when missing); items are read by the caller. */
  array(value: unknown, path: FhirPath, max = 1_000): readonly unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) return this.report(path, "invalid-type", ExpectedText.array) ?? [];
    if (value.length > max) return this.report(path, "too-big", `at most ${max} items`) ?? [];
    return value;
  }

  /** A non-empty string of at most `max` characters. */
  string(value: unknown, path: FhirPath, required = false, max = 500): string | undefined {
    if (value === undefined || value === null) return required ? this.report(path, "required", ExpectedText.string) : undefined;
    if (typeof value !== "string") return this.report(path, "invalid-type", ExpectedText.string);
    if (value.trim() === "") return this.report(path, "too-small", "at least 1 character");
    if (value.length > max) return this.report(path, "too-big", `at most ${max} characters`);
    return value;
  }

  /** A boolean. */
  boolean(value: unknown, path: FhirPath): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") return this.report(path, "invalid-type", ExpectedText.boolean);
    return value;
  }

  /** A finite number within bounds. */
  number(value: unknown, path: FhirPath, min: number, max: number, integer = false): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) return this.report(path, "invalid-type", ExpectedText.finiteNumber);
    if (integer && !Number.isInteger(value)) return this.report(path, "not-integer", ExpectedText.integer);
    if (value < min) return this.report(path, "too-small", `number ≥ ${min}`);
    if (value > max) return this.report(path, "too-big", `number ≤ ${max}`);
    return value;
  }

  /** Checks `resourceType`; false when it is another. */
  resourceType(value: FhirObject, type: string, path: FhirPath): boolean {
    if (value.resourceType === type) return true;
    this.report([...path, "resourceType"], value.resourceType === undefined ? "required" : "invalid-value", `one of [${type}]`);
    return false;
  }

  /** Throws the issues found, rooted at the first argument that has any. */
  throwIfAny(): void {
    const first = this.issues[0];
    if (first === undefined) return;
    const root = first.path[0];
    const mine = this.issues.filter((issue) => issue.path[0] === root);
    throw new InvalidInputError(
      typeof root === "string" ? root : "fhir",
      mine.map((issue) => ({ ...issue, path: issue.path.slice(1) })),
      FROM_SCHEMA,
    );
  }
}

/** The options argument: an object, or nothing; anything else is refused before reading starts. */
export function optionsObject<T extends object>(options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new InvalidInputError("options", [{ path: [], code: "invalid-type", expected: ExpectedText.object }], FROM_SCHEMA);
  }
  return options;
}
