import { defineReferralRule, type ReferralRule } from "../defineReferralRule.js";
import type { EvidenceItem } from "../results.js";
import { leavingPanelRule } from "../rules/leavingPanelRule.js";
import type { PanelExit } from "../schemas.js";

type Dated = { readonly date?: string | undefined; readonly evidence?: readonly EvidenceItem[] | undefined };

/**
 * The leaving-panel trigger, keeping only what this exit causes: a finding
 * or a way to continue dated the exit date that names one of its payers
 * (any payer when going self-pay), and the notices of that date that come
 * with it (continuity of care, a good faith estimate).
 */
export function exitRuleFor(exit: Pick<PanelExit, "date" | "payerIds">): ReferralRule {
  // A set: every finding's evidence is checked against it.
  const payers = exit.payerIds === undefined ? undefined : new Set(exit.payerIds);
  const ours = (payerId: string) => payers === undefined || payers.has(payerId);
  const caused = (entry: Dated) =>
    entry.date === exit.date && (entry.evidence ?? []).some((item) => item.kind === "id" && item.fact === "payer" && ours(item.id));
  return defineReferralRule({
    id: leavingPanelRule.id,
    source: leavingPanelRule.source,
    evaluate(context) {
      const outcome = leavingPanelRule.evaluate(context);
      if (!("findings" in outcome)) return outcome;
      const findings = outcome.findings.filter(caused);
      const all = outcome.notices ?? [];
      const ours = findings.length > 0 || all.some((notice) => notice.code === leavingPanelRule.id && caused(notice));
      const { needs } = outcome;
      return {
        findings,
        notices: ours ? all.filter((notice) => notice.date === exit.date) : [],
        ...(findings.length > 0 && needs !== undefined ? { needs } : {}),
      };
    },
  });
}

/** The payers an exit's findings or notices name, sorted. */
export function exitPayers(entries: readonly { readonly code: string; readonly evidence: readonly EvidenceItem[] }[]): string[] {
  const payers = entries.flatMap((entry) =>
    entry.code === leavingPanelRule.id
      ? entry.evidence.flatMap((item) => (item.kind === "id" && item.fact === "payer" ? [item.id] : []))
      : [],
  );
  return [...new Set(payers)].sort();
}
