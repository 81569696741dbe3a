import { describe, expect, it } from "vitest";
import { fromUtcDate } from "@/lib/domain/calendar/weeks";
import { DEMO_PEOPLE, LAGS, MEASURES, TEAMS } from "./catalogue";
import { demoDates, generateDemoActivity } from "./generator";

const ids = {
  people: DEMO_PEOPLE.map((_, i) => `person-${i}`),
  teams: TEAMS.map((_, i) => `team-${i}`),
  leadMeasures: MEASURES.map((_, i) => `lead-${i}`),
  lagMeasures: LAGS.map((_, i) => `lag-${i}`),
};
const dates = demoDates(new Date("2025-03-12T15:00:00Z")); // a Wednesday
const generate = (seed: number) => generateDemoActivity({ seed, dates, ids, createdBefore: Date.parse("2030-01-01") });

describe("the demo's generated activity", () => {
  it("dates the story from the day: two quarters (26 weeks) of program, a baseline eight weeks before, a target six months on", () => {
    expect(dates).toMatchObject({ today: "2025-03-12", programStart: "2024-09-09", baselineDate: "2024-07-15", targetDate: "2025-09-30" });
  });

  it("gives the same rows for the same seed, and other rows for another", () => {
    const a = generate(4242);
    expect(generate(4242)).toEqual(a);
    expect(generate(4243).totalLeadValue).not.toBe(a.totalLeadValue);
  });

  it("logs lead entries on working days from the program start to today, and observes lags only before today", () => {
    const { entries, observations, from, to } = generate(4242);
    const days = entries.map((e) => fromUtcDate(e.entryDate as Date));
    expect(days.every((d) => d >= dates.programStart && d <= dates.today)).toBe(true);
    expect(entries.every((e) => [1, 2, 3, 4, 5].includes((e.entryDate as Date).getUTCDay()))).toBe(true);
    expect([from, to]).toEqual([[...days].sort()[0], [...days].sort().at(-1)]);
    expect(observations.every((o) => fromUtcDate(o.observedOn as Date) < dates.today)).toBe(true);
  });
});
