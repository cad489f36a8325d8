import { describe, expect, it } from "vitest";
import { growthRatio, growthRatioAsync } from "../support/growthRatio.js";

describe("growthRatio", () => {
  it("runs where garbage can be collected between timed runs", () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("function");
  });

  it("passes a linear pass and fails a quadratic one", () => {
    const numbers = (n: number) => Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1009);
    const linear = (values: Float64Array) => values.reduce((sum, value) => sum + value, 0);
    const quadratic = (values: Float64Array) => {
      let pairs = 0;
      for (const a of values) for (const b of values) if (a < b) pairs += 1;
      return pairs;
    };
    expect(growthRatio(20_000, numbers, linear)).toBeLessThanOrEqual(2);
    expect(growthRatio(500, numbers, quadratic)).toBeGreaterThan(4);
  });

  it("times async work until it settles: a linear pass split by awaits passes, a quadratic one fails", async () => {
    const numbers = (n: number) => Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1009);
    // The work runs after the first await, so a ratio taken before it settles would be about 1 for both.
    const linear = async (values: Float64Array) => {
      await Promise.resolve();
      return values.reduce((sum, value) => sum + value, 0);
    };
    const quadratic = async (values: Float64Array) => {
      let pairs = 0;
      for (const a of values) {
        await Promise.resolve();
        for (const b of values) if (a < b) pairs += 1;
      }
      return pairs;
    };
    expect(await growthRatioAsync(20_000, numbers, linear)).toBeLessThanOrEqual(2);
    expect(await growthRatioAsync(500, numbers, quadratic)).toBeGreaterThan(4);
  });
});
