import type { ConsentInput } from "referwell/consent";

/**
 * A general consent of client `cl-1` to referrer `ref-a`, for continuity of
 * care (`COC`), signed and in force from 2026-06-01 without an end, covering
 * the acknowledgement and attendance: what most consent tests start from.
 * Each of `changes`, in turn, replaces whole fields, so a test states only
 * what it is about.
 */
export const consentOf = (...changes: Partial<ConsentInput>[]): ConsentInput => Object.assign(base(), ...changes) as ConsentInput;

const base = (): ConsentInput => ({
  id: "c1",
  clientId: "cl-1",
  status: "active",
  kind: "general",
  signed: "2026-06-01",
  period: { start: "2026-06-01" },
  recipients: [{ referrerId: "ref-a" }],
  purposes: ["COC"],
  categories: ["acknowledgement", "attendance"],
});
