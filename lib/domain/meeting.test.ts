import { describe, expect, it } from "vitest";
import { clockText, MEETING_PLANNED_MINUTES, MEETING_STEPS, MEETING_TARGET_MINUTES, meetingMinutes, meetingPace } from "./meeting";

describe("the check-in meeting's agenda and clock", () => {
  it("plans four steps in order whose time boxes fit the 20–30 minute target", () => {
    expect(MEETING_STEPS.map((s) => s.key)).toEqual(["account", "scoreboard", "clear", "commit"]);
    expect(MEETING_PLANNED_MINUTES).toBeGreaterThanOrEqual(MEETING_TARGET_MINUTES.min);
    expect(MEETING_PLANNED_MINUTES).toBeLessThanOrEqual(MEETING_TARGET_MINUTES.max);
  });

  it("shows the clock as m:ss, and h:mm:ss past an hour", () => {
    expect(clockText(0)).toBe("0:00");
    expect(clockText(65.9)).toBe("1:05");
    expect(clockText(3_725)).toBe("1:02:05");
    expect(clockText(-5)).toBe("0:00");
  });

  it("counts a meeting's minutes from start to end, rounded, never negative", () => {
    const start = new Date("2026-03-02T09:00:00Z");
    expect(meetingMinutes(start, new Date("2026-03-02T09:24:40Z"))).toBe(25);
    expect(meetingMinutes(start, new Date("2026-03-02T08:59:00Z"))).toBe(0);
  });

  it("says whether the meeting is early, within its target or over it", () => {
    expect(meetingPace(10 * 60)).toBe("on-time");
    expect(meetingPace(25 * 60)).toBe("in-target");
    expect(meetingPace(31 * 60)).toBe("over");
  });
});
