import { describe, expect, it } from "vitest";
import { usd } from "@/tests/fixtures/roiLines";
import { trainingBudget } from "./budget";

describe("the training budget helper", () => {
  it("1.75% of a $48,000 salary is $840 a person; ten people $8,400 against $10,000 planned", () => {
    const b = trainingBudget({ inflationRate: 0.0175, averageSalary: 48_000, headcount: 10, plannedCosts: 10_000, ...usd })!;
    expect(b.perPerson).toBeCloseTo(840, 9);
    expect(b.total).toBeCloseTo(8400, 9);
    expect(b.difference).toBeCloseTo(-1600, 9);
    expect(b.text).toContain("$1,600.00 over budget");
  });
  it("needs an average salary", () => {
    expect(trainingBudget({ inflationRate: 0.0175, averageSalary: null, headcount: 10, plannedCosts: 1, ...usd })).toBeNull();
  });
});
