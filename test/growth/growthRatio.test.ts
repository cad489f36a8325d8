import { describe, expect, it } from "vitest";
import { growthRatio } from "../support/growthRatio.js";

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
});
