import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { firstCovering } from "../../src/consent/internal/firstCovering.js";
import { nearDate, period } from "../arbitraries/consent.js";

const within = (p: { start: string; end?: string | undefined }, day: string) => p.start <= day && (p.end === undefined || day <= p.end);

describe("the data-period index", () => {
  test.prop([
    fc.array(fc.option(period, { nil: undefined }), { maxLength: 30 }),
    fc.option(nearDate, { nil: undefined }),
    fc.constantFrom("all", "open"),
  ])("answers as a scan in priority order would: the first item whose period contains the day", (periods, day, undated) => {
    const items = periods.map((p, index) => ({ index, p }));
    const expected = items.find(({ p }) => (p === undefined ? true : day === undefined ? undated === "all" : within(p, day)));
    expect(firstCovering(items, (item) => item.p, undated as "all" | "open")(day)).toBe(expected);
  });
});
