import { describe, expect, it } from "vitest";
import { addDays, fromUtcDate } from "@/lib/domain/calendar/weeks";
import { DEMO_PEOPLE, HISTORY_WEEKS, LAGS, MEASURES, TEAMS } from "./catalogue";
import { generateCheckInHistory } from "./checkIns";
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

  it("holds each team's check-ins on its day up to now, skips its skipped weeks, and reviews every commitment but the latest week's", () => {
    const now = new Date("2025-03-12T15:00:00Z");
    const { checkIns, commitments } = generateCheckInHistory({ seed: 4242, programStart: dates.programStart, ids, now });
    expect(generateCheckInHistory({ seed: 4242, programStart: dates.programStart, ids, now })).toEqual({ checkIns, commitments });
    TEAMS.forEach((team, ti) => {
      const held = checkIns.filter((c) => c.teamId === ids.teams[ti]);
      const weeks = held.map((c) => fromUtcDate(c.weekStart as Date));
      const skipped = team.checkIn.missedWeeksAgo.map((ago) => addDays(dates.programStart, 7 * (HISTORY_WEEKS - ago)));
      expect(weeks.filter((w) => skipped.includes(w))).toEqual([]);
      expect(held.every((c) => (c.heldAt as Date) <= now && (c.heldAt as Date).getUTCDay() === (team.checkIn.day + 1) % 7)).toBe(true);
      const last = weeks.at(-1)!;
      const own = commitments.filter((c) => c.teamId === ids.teams[ti]);
      expect(own.filter((c) => c.status === undefined).every((c) => fromUtcDate(c.weekStart as Date) === last)).toBe(true);
      expect(own.filter((c) => c.status !== undefined && c.status !== "DONE").every((c) => c.reason !== "")).toBe(true);
    });
  });
});
