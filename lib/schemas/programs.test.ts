import { describe, expect, it } from "vitest";
import { costSchema, programSchema } from "./programs";

const TEAM = "faebb00c-24a9-497a-a01d-9d10013d03d7";
const program = { name: "Coaching pilot", description: "", startDate: "2026-11-03", participantTeamIds: TEAM };

describe("ROI program forms refuse amounts no program has", () => {
  it("takes a real salary and refuses 1e300 (a typo, not a program) with a field error", () => {
    expect(programSchema.safeParse({ ...program, averageSalary: "52000" }).success).toBe(true);
    const huge = programSchema.safeParse({ ...program, averageSalary: "1e300" });
    expect(huge.success).toBe(false);
    expect(huge.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["averageSalary", "That amount is too large."]]);
  });

  it("caps a cost's hours and hourly rate as it caps its amount", () => {
    const cost = { category: "PARTICIPANT_TIME", description: "", incurredOn: "2026-11-03" };
    expect(costSchema.safeParse({ ...cost, hours: "40", hourlyRate: "35" }).success).toBe(true);
    expect(costSchema.safeParse({ ...cost, hours: "1e300", hourlyRate: "35" }).success).toBe(false);
    expect(costSchema.safeParse({ ...cost, hours: "40", hourlyRate: "1e300" }).success).toBe(false);
  });
});
