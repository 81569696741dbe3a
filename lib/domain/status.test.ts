import { describe, expect, it } from "vitest";
import { attainment, leadStatus } from "./status";

describe("lead status", () => {
  it.each([
    [10, 10, "green"],
    [12, 10, "green"],
    [8, 10, "amber"],
    [7.99, 10, "red"],
    [0, 10, "red"],
  ] as const)("%d of a target of %d is %s", (actual, target, status) => {
    expect(leadStatus(actual, target)).toBe(status);
  });

  it("has no status without a positive target", () => {
    expect(leadStatus(5, 0)).toBe("none");
    expect(leadStatus(5, null)).toBe("none");
    expect(attainment(5, undefined)).toBeNull();
  });

  it("honours the organization's thresholds", () => {
    expect(leadStatus(9, 10, { green: 0.9, amber: 0.5 })).toBe("green");
    expect(leadStatus(4, 10, { green: 0.9, amber: 0.5 })).toBe("red");
  });
});
