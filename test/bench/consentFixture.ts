/**
 * The largest consent request the schema admits, or a scaled share of it:
 * `consents` consents, each with `provisions` deny provisions naming
 * `recipients` other referrers and identifiers each, `facts` facts, and a
 * recipient holding 20 identifiers. The deny provisions name other people,
 * so every fact is decided by the full rule rather than the first match.
 */
import type { ConsentInput, UpdateRequestInput } from "referwell/consent";

export interface ConsentScale {
  readonly consents: number;
  readonly provisions: number;
  readonly recipients: number;
  readonly facts: number;
}

/** 80 consents × 50 deny provisions × 50 recipients, 500 facts: the case the issue measured. */
export const LARGEST: ConsentScale = { consents: 80, provisions: 50, recipients: 50, facts: 500 };

const CATEGORIES = ["attendance", "engagement", "progress-summary", "treatment-goals", "diagnosis", "medication", "risk", "test-results"];
const pad = (n: number, width = 4) => String(n).padStart(width, "0");

export function largeRequest(scale: ConsentScale): UpdateRequestInput {
  const consents: ConsentInput[] = Array.from({ length: scale.consents }, (_, c) => ({
    id: `c${pad(c)}`,
    clientId: "cl-1",
    status: c % 7 === 3 ? "revoked" : "active",
    kind: "general",
    signed: `2026-0${1 + (c % 9)}-${pad(1 + (c % 28), 2)}`,
    period: { start: "2026-01-01" },
    recipients: [
      { referrerId: "ref-a" },
      ...Array.from({ length: Math.min(49, scale.recipients - 1) }, (_, r) => ({ referrerId: `ref-${c}-${r}` })),
    ],
    purposes: ["COC", "TREAT"],
    categories: ["acknowledgement", ...CATEGORIES],
    deny: Array.from({ length: scale.provisions }, (_, p) => ({
      id: `d${pad(p)}`,
      recipients: Array.from({ length: scale.recipients }, (_, r) =>
        r % 2 === 0
          ? { referrerId: `ref-other-${c}-${p}-${r}` }
          : { identifier: { system: `https://ids.example/${r % 5}`, value: `X${c}-${p}-${r}` } },
      ),
      categories: [CATEGORIES[(c + p) % CATEGORIES.length] as string],
    })),
  }));
  const facts = Array.from({ length: scale.facts }, (_, f) => ({
    id: `f${pad(f)}`,
    clientId: "cl-1",
    category: CATEGORIES[f % 4] as string,
    text: `Fact ${f}: a short sentence about the client's progress this month.`,
    recorded: `2026-11-${pad(1 + (f % 28), 2)}`,
  }));
  return {
    kind: "progress",
    client: { id: "cl-1", displayName: "Jordan" },
    recipient: {
      referrerId: "ref-a",
      name: "Dr Ada Park",
      // One identifier in each system the provisions name, so no provision binds by absence.
      identifiers: Array.from({ length: 20 }, (_, i) => ({ system: `https://ids.example/${i % 5}`, value: `HELD-${i}` })),
    },
    purpose: "COC",
    facts,
    consents,
    now: "2026-11-23",
  };
}
