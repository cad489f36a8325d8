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
  /** Whether every deny provision (to days after every fact) and every other consent is limited to a data period, and every fact recorded on a day of its own. */
  readonly dataPeriods?: boolean;
}

/** 80 consents × 50 deny provisions × 50 recipients, 500 facts: a large request, within the schema's limits. */
export const LARGEST: ConsentScale = { consents: 80, provisions: 50, recipients: 50, facts: 500 };

const CATEGORIES = ["attendance", "engagement", "progress-summary", "treatment-goals", "diagnosis", "medication", "risk", "test-results"];
const pad = (n: number, width = 4) => String(n).padStart(width, "0");
/** The day `n` days after 1 January 2020. */
const day = (n: number): string => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

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
        // With data periods, the last entry names the recipient: the provision reaches them, for days no fact was recorded on.
        scale.dataPeriods === true && r === scale.recipients - 1
          ? { referrerId: "ref-a" }
          : r % 2 === 0
            ? { referrerId: `ref-other-${c}-${p}-${r}` }
            : { identifier: { system: `https://ids.example/${r % 5}`, value: `X${c}-${p}-${r}` } },
      ),
      categories: [CATEGORIES[(c + p) % CATEGORIES.length] as string],
      ...(scale.dataPeriods === true ? { dataPeriod: { start: day(1000 + c * 7 + p), end: day(1000 + c * 7 + p + 3) } } : {}),
    })),
    ...(scale.dataPeriods === true && c % 2 === 1 ? { dataPeriod: { start: day(c * 5), end: day(c * 5 + 30) } } : {}),
  }));
  const facts = Array.from({ length: scale.facts }, (_, f) => ({
    id: `f${pad(f)}`,
    clientId: "cl-1",
    category: CATEGORIES[f % 4] as string,
    text: `Fact ${f}: a short sentence about the client's progress this month.`,
    recorded: scale.dataPeriods === true ? day(f) : `2026-11-${pad(1 + (f % 28), 2)}`,
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
