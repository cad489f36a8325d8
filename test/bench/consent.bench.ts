import { bench, describe } from "vitest";
import {
  composeUpdate,
  type ConsentInput,
  evaluateConsent,
  prepareConsents,
  UpdateRequest,
  type UpdateRequestInput,
} from "referwell/consent";
import { LARGEST, largeRequest } from "./consentFixture.js";

const NOW = "2026-11-23T09:00:00-08:00";
const recipient = {
  referrerId: "ref-gp-01",
  name: "Dr Mei Lin",
  identifiers: [{ system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" }],
};
const base = {
  clientId: "cl-01",
  status: "active",
  signed: "2026-06-02",
  period: { start: "2026-06-02", end: "2027-06-01" },
  recipients: [{ referrerId: "ref-gp-01" }],
  purposes: ["COC", "TREAT"],
} satisfies Partial<ConsentInput>;
const consents: ConsentInput[] = [
  {
    ...base,
    id: "general",
    kind: "general",
    categories: ["acknowledgement", "attendance", "engagement", "progress-summary", "treatment-goals", "diagnosis"],
    deny: [{ id: "no-diagnosis", categories: ["diagnosis"] }],
  },
  { ...base, id: "part2", kind: "sud-records", categories: ["substance-use"], signed: "2026-07-01" },
  {
    ...base,
    id: "notes",
    kind: "psychotherapy-note",
    categories: ["psychotherapy-note"],
    period: { start: "2026-06-02", end: "2026-09-30" },
  },
];
const categories = [
  "attendance",
  "engagement",
  "progress-summary",
  "treatment-goals",
  "attendance",
  "diagnosis",
  "substance-use",
  "psychotherapy-note",
  "progress-summary",
  "attendance",
];
const facts = Array.from({ length: 20 }, (_, index) => ({
  id: `f${String(index).padStart(2, "0")}`,
  clientId: "cl-01",
  category: categories[index % categories.length],
  text: `Fact ${index}: a short sentence about the client's progress this month.`,
  value: [{ name: "score", value: index }],
  recorded: `2026-11-${String(1 + index).padStart(2, "0")}`,
}));
const template = {
  id: "progress-sud",
  title: "Progress update",
  categories: ["attendance", "engagement", "progress-summary", "treatment-goals", "substance-use"],
};
const request: UpdateRequestInput = {
  kind: "progress",
  template,
  client: { id: "cl-01", displayName: "Jordan" },
  recipient,
  purpose: "COC",
  facts,
  consents,
  now: NOW,
};

// The baseline asks evaluateConsent about each fact, as a host without composeUpdate would: every call validates the consents again.
describe("compose a progress update with 20 facts and 3 consents", () => {
  bench("naive: evaluateConsent for each fact, consents validated every call (baseline)", () => {
    const query = { client: "cl-01", recipient, purpose: "COC", at: NOW } as const;
    evaluateConsent(consents, { ...query, category: "acknowledgement" });
    for (const fact of facts) evaluateConsent(consents, { ...query, category: fact.category as string, dataDate: fact.recorded });
  });
  bench("composeUpdate (validation, decisions, text, Markdown, labels and record)", () => {
    composeUpdate(request);
  });
});

// A large request: 80 consents × 50 deny provisions × 50 recipients, 500 facts.
const largest = largeRequest(LARGEST);
// The same request with its consents prepared once, as a host that keeps a client's consents between updates holds them.
const largestPrepared = { ...largest, consents: prepareConsents(largest.consents) };
describe("compose from 80 consents × 50 deny provisions × 50 recipients, 500 facts", () => {
  bench("composeUpdate, validation included", () => {
    composeUpdate(largest);
  });
  bench("composeUpdate, consents prepared once beforehand (the rest of the request validated)", () => {
    composeUpdate(largestPrepared);
  });
  bench("prepareConsents alone (validated, frozen, deny recipients indexed)", () => {
    prepareConsents(largest.consents);
  });
  bench("validation alone (UpdateRequest.parse)", () => {
    UpdateRequest.parse(largest);
  });
});
