import { describe, expect, it } from "vitest";
import { defaultSchedule, dueAt, dueKinds, localHour, periodLabel } from "./schedule";

const london = { timeZone: "Europe/London", weekStartsOn: 1 };

describe("when reminders and digests are due", () => {
  it("is due from the local day and hour until the week ends, keyed by the week", () => {
    const s = { ...defaultSchedule("MEMBER_REMINDER", 1), day: 5, hour: 9 }; // Friday 9:00
    expect(dueAt(s, london, new Date("2026-01-16T08:59:00Z"))).toBeNull();
    expect(dueAt(s, london, new Date("2026-01-16T09:00:00Z"))).toMatchObject({ periodKey: "2026-01-12", scheduledDay: "2026-01-16" });
    expect(dueAt(s, london, new Date("2026-01-18T23:00:00Z"))?.periodKey).toBe("2026-01-12");
    expect(dueAt(s, london, new Date("2026-01-19T00:00:00Z"))).toBeNull();
  });

  it("keeps the local hour across the spring-forward change (London, 29 March 2026)", () => {
    const s = { ...defaultSchedule("MANAGER_DIGEST", 1), day: 1, hour: 9 }; // Monday 9:00
    // Before: 9:00 GMT = 09:00Z. After: 9:00 BST = 08:00Z.
    expect(dueAt(s, london, new Date("2026-03-23T09:00:00Z"))?.periodKey).toBe("2026-03-23");
    expect(dueAt(s, london, new Date("2026-03-30T07:59:00Z"))).toBeNull();
    expect(dueAt(s, london, new Date("2026-03-30T08:00:00Z"))?.periodKey).toBe("2026-03-30");
    expect(localHour(new Date("2026-03-29T01:30:00Z"), "Europe/London")).toBe(2);
  });

  it("follows a Sunday-first week", () => {
    const org = { timeZone: "America/New_York", weekStartsOn: 0 };
    const s = defaultSchedule("MANAGER_DIGEST", 0); // Sunday 8:00
    expect(s.day).toBe(0);
    expect(dueAt(s, org, new Date("2026-03-08T11:59:00Z"))).toBeNull(); // 07:59 EDT on the change day
    expect(dueAt(s, org, new Date("2026-03-08T12:00:00Z"))).toMatchObject({ periodKey: "2026-03-08", scheduledDay: "2026-03-08" });
    // Saturday belongs to the same week.
    expect(dueAt(s, org, new Date("2026-03-14T20:00:00Z"))?.periodKey).toBe("2026-03-08");
  });

  it("keys the monthly digest by month", () => {
    expect(dueAt(defaultSchedule("EXECUTIVE_DIGEST", 1), london, new Date("2026-04-01T06:59:00Z"))).toBeNull();
    expect(dueAt(defaultSchedule("EXECUTIVE_DIGEST", 1), london, new Date("2026-04-01T07:00:00Z"))?.periodKey).toBe("2026-04");
  });

  it("leaves out disabled kinds and uses defaults for the rest", () => {
    const off = { ...defaultSchedule("MEMBER_REMINDER", 1), enabled: false };
    const kinds = dueKinds([off], london, new Date("2026-01-18T20:00:00Z")).map((d) => d.kind);
    expect(kinds).toEqual(["CHECK_IN_REMINDER", "MANAGER_DIGEST", "EXECUTIVE_DIGEST"]);
  });
});

describe("a send's period in words", () => {
  it("names a weekly send's week by its first day and a monthly send's month, in the organization's date style", () => {
    expect(periodLabel("MEMBER_REMINDER", "2026-11-16", "en-GB")).toBe("Week of 16 Nov 2026");
    expect(periodLabel("MANAGER_DIGEST", "2026-11-16", "en-US")).toBe("Week of Nov 16, 2026");
    expect(periodLabel("EXECUTIVE_DIGEST", "2026-11", "en-GB")).toBe("Nov 2026");
    expect(periodLabel("EXECUTIVE_DIGEST", "2027-01", "fr-FR")).toBe("janv. 2027");
  });

  it("writes the key of the period the tick keyed the send by", () => {
    const member = { ...defaultSchedule("MEMBER_REMINDER", 1), day: 5, hour: 9 };
    const due = dueAt(member, london, new Date("2026-01-16T09:00:00Z"))!;
    expect(periodLabel(due.kind, due.periodKey, "en-GB")).toBe("Week of 12 Jan 2026");
    const exec = defaultSchedule("EXECUTIVE_DIGEST", 1);
    const monthly = dueAt(exec, london, new Date("2026-03-02T09:00:00Z"))!;
    expect(periodLabel(monthly.kind, monthly.periodKey, "en-GB")).toBe("Mar 2026");
  });

  it("shows a key of another shape as it is rather than misreading it", () => {
    expect(periodLabel("EXECUTIVE_DIGEST", "2026-11-16", "en-GB")).toBe("2026-11-16");
    expect(periodLabel("MEMBER_REMINDER", "2026-W47", "en-GB")).toBe("2026-W47");
  });
});
