import { describe, expect, it } from "vitest";
import { Consent, type UpdateRequestInput } from "referwell/consent";
import { consentAsker } from "../../src/consent/internal/consentAsker.js";
import { EvaluateOptions, Recipient } from "../../src/consent/schemas.js";
import { type ConsentScale, largeRequest } from "../bench/consentFixture.js";

// The growth check: work is counted, not timed. Every read of a property of the
// consents, through a proxy, is one unit; the answers to every fact of a request
// cost what compiling the consents once and one indexed look-up per fact cost.

/** Wraps `value` so that every property read, at any depth, adds one to `counter.reads`. */
function counted<T>(value: T, counter: { reads: number }): T {
  if (value === null || typeof value !== "object") return value;
  return new Proxy(value as object, {
    get(target, key, receiver) {
      counter.reads += 1;
      return counted(Reflect.get(target, key, receiver) as unknown, counter);
    },
  }) as T;
}

/** How many reads of the consents it takes to answer every fact's question, and the acknowledgement's. */
function readsFor(scale: ConsentScale): number {
  const request: UpdateRequestInput = largeRequest(scale);
  const consents = (request.consents ?? []).map((consent) => Consent.parse(consent));
  const counter = { reads: 0 };
  const ask = consentAsker(
    counted(consents, counter),
    { clientId: "cl-1", recipient: Recipient.parse(request.recipient), purpose: "COC", now: "2026-11-23", emergency: false },
    EvaluateOptions.parse({}),
  );
  ask("acknowledgement", "day-asked");
  for (const fact of request.facts) ask(fact.category as string, fact.recorded);
  return counter.reads;
}

describe("growth check: composing is linear in the size of the consents and the facts", () => {
  const base: ConsentScale = { consents: 8, provisions: 8, recipients: 8, facts: 40 };
  // Many facts, each on a day of its own, against provisions limited to data periods: a scan per question would show here.
  const dated: ConsentScale = { consents: 8, provisions: 16, recipients: 2, facts: 200, dataPeriods: true };
  it.each([
    ["consents and facts", base, { ...base, consents: 16, facts: 80 }],
    ["deny provisions and facts", base, { ...base, provisions: 16, facts: 80 }],
    ["recipients per provision and facts", base, { ...base, recipients: 16, facts: 80 }],
    [
      "consents and facts, every provision limited to a data period and every fact on a day of its own",
      dated,
      { ...dated, consents: 16, facts: 400 },
    ],
  ])("doubling %s at most about doubles the work", (_, scale, doubled) => {
    const before = readsFor(scale);
    const after = readsFor(doubled);
    expect(before).toBeGreaterThan(1_000);
    // Linear doubles it; sorting adds a log factor; a look-up per fact over every provision would quadruple it.
    expect(after / before).toBeLessThan(2.5);
  });
});
