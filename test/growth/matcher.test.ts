import { describe, expect, it } from "vitest";
import { createMatcher, createMatcherAsync } from "referwell/match";
import { syntheticDirectory } from "../arbitraries/synthetic.js";
import { growthRatio, growthRatioAsync } from "../support/growthRatio.js";

describe("Matcher.update", () => {
  it("costs what the changes hold, not what the directory holds", () => {
    // n changes to a directory of 32n clinicians: linear when a change costs what it holds, quadratic when it scans the directory.
    const build = (n: number) => {
      const { clinicians, compacts } = syntheticDirectory({ seed: 7, clinicians: 32 * n });
      const changes = clinicians.slice(0, n).map((clinician, i) => {
        // In turn: one fills up, one leaves, and two are replaced as they are.
        if (i % 4 === 0) return { upsert: [{ ...clinician, acceptingNewClients: !clinician.acceptingNewClients }] };
        if (i % 4 === 1) return { remove: [clinician.id] };
        return { upsert: [clinician] };
      });
      return { matcher: createMatcher({ clinicians, compacts }), changes };
    };
    const ratio = growthRatio(100, build, ({ matcher, changes }) => {
      for (const change of changes) matcher.update(change);
    });
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

describe("Matcher.unknownTags", () => {
  it("read after every change to a directory whose tags are all known, costs what the changes hold", () => {
    const build = (n: number) => {
      const { clinicians, compacts } = syntheticDirectory({ seed: 7, clinicians: 32 * n });
      const changes = clinicians
        .slice(0, n)
        .map((clinician) => ({ upsert: [{ ...clinician, acceptingNewClients: !clinician.acceptingNewClients }] }));
      return { matcher: createMatcher({ clinicians, compacts }), changes };
    };
    const ratio = growthRatio(100, build, ({ matcher, changes }) => {
      for (const change of changes) {
        matcher.update(change);
        if (matcher.unknownTags.length > 0) throw new Error("the synthetic directory's tags are all known");
      }
    });
    expect(ratio).toBeLessThanOrEqual(2);
  });
});

describe("createMatcherAsync", () => {
  it("costs per clinician at 8n at most twice what it costs at n", async () => {
    const ratio = await growthRatioAsync(
      300,
      (size) => syntheticDirectory({ seed: 11, clinicians: size }),
      (directory) => createMatcherAsync(directory),
    );
    expect(ratio).toBeLessThanOrEqual(2);
  });
});
