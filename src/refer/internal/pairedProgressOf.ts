import type { PairedProgress, ProgressSummary } from "../results.js";

const SOURCE =
  "NHS Talking Therapies for anxiety and depression Manual (NHS England): paired outcome measures, caseness on either measure, recovery below caseness on both, reliable improvement and deterioration";

/**
 * The paired reading of a depression and an anxiety measure, when both were measured on two days or more and
 * both have a clinical cutoff; otherwise none, and the single-measure readings stand alone.
 */
export function pairedProgressOf(
  progress: readonly ProgressSummary[],
  paired: { readonly depression: string; readonly anxiety: string },
): PairedProgress | undefined {
  const depression = progress.find((summary) => summary.instrument === paired.depression);
  const anxiety = progress.find((summary) => summary.instrument === paired.anxiety);
  if (depression?.caseness === undefined || anxiety?.caseness === undefined) return undefined;
  const both = [depression, anxiety] as const;
  const improved = (summary: ProgressSummary) => summary.change.outcome === "improved";
  const worse = (summary: ProgressSummary) => summary.change.outcome === "deteriorated";
  const caseness = {
    baseline: both.some((summary) => summary.caseness?.baseline === true),
    latest: both.some((summary) => summary.caseness?.latest === true),
  };
  const recovery = caseness.baseline && !caseness.latest;
  const reliableImprovement = both.some(improved) && !both.some(worse);
  const reliableDeterioration = both.some(worse) && !both.some(improved);
  const reliableRecovery = recovery && reliableImprovement;
  const classification = reliableRecovery
    ? "reliable-recovery"
    : recovery
      ? "recovery"
      : reliableImprovement
        ? "reliable-improvement"
        : reliableDeterioration
          ? "reliable-deterioration"
          : "no-reliable-change";
  return {
    depression: depression.instrument,
    anxiety: anxiety.instrument,
    caseness,
    recovery,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery,
    classification,
    source: SOURCE,
  };
}
