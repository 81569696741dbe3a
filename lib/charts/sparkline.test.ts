import { describe, expect, it } from "vitest";
import { buildSparkline, sparklineLabel } from "./sparkline";

const size = { width: 104, height: 24 }; // 2px padding: x from 2 to 102, y from 22 (zero) to 2 (max)

describe("sparkline", () => {
  it("draws values on a zero-based scale with the target as its own line", () => {
    const s = buildSparkline([0, 5, 10], [10, 10, 10], size);
    expect(s.line).toBe("M2 22 L52 12 L102 2");
    expect(s.targetLine).toBe("M2 2 L52 2 L102 2");
    expect(s.last).toEqual({ x: 102, y: 2 });
  });

  it("scales to the target when every value is below it, so a shortfall looks like one", () => {
    const s = buildSparkline([1, 2], [4, 4], size);
    expect(s.line).toBe("M2 17 L102 12");
  });

  it("breaks the line at a missing week and lies flat when everything is zero", () => {
    expect(buildSparkline([3, null, 3], [], size).line).toBe("M2 2 M102 2");
    const flat = buildSparkline([0, 0], [], size);
    expect(flat.line).toBe("M2 22 L102 22");
    expect(flat.targetLine).toBe("");
    expect(buildSparkline([], [], size).last).toBeNull();
  });

  it("says its numbers in words", () => {
    expect(sparklineLabel([1, null, 2.25])).toBe("Last 3 weeks, oldest first: 1, –, 2.3");
  });
});
