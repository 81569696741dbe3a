import { describe, expect, it } from "vitest";
import { checkInReminder, combinedNote, executiveDigest, managerDigest, memberReminder, slackPayload, teamsPayload } from "./compose";

describe("reminder and digest messages", () => {
  it("says what the manager digest is about, and what is fine", () => {
    const note = managerDigest({
      locale: "en-GB",
      orgName: "Acme",
      weekStart: "2026-03-23",
      attainment: 0.734,
      atRisk: [{ teamName: "Support", reasons: ["red for 2 weeks", "1 of 4 check-ins held"] }],
      lagMoves: [{ name: "CSAT", status: "off track" }],
      missedCheckIns: ["Support"],
      url: "http://x.test/dashboard",
    });
    expect(note.title).toBe("Acme: the week of 23 Mar 2026");
    expect(note.lines).toEqual([
      "Lead attainment this week: 73%.",
      "Teams at risk: Support (red for 2 weeks; 1 of 4 check-ins held).",
      "Lag measures: CSAT off track.",
      "Missed check-ins: Support.",
    ]);
    const calm = managerDigest({ locale: "en-GB", orgName: "Acme", weekStart: "2026-03-23", attainment: null, atRisk: [], lagMoves: [], missedCheckIns: [], url: "u" });
    expect(calm.lines).toContain("No team is at risk.");
    expect(calm.lines[0]).toBe("Lead attainment this week: no target yet.");
  });

  it("renders Slack mrkdwn with its link escaped, and a Teams card with the same link", () => {
    const note = memberReminder({ locale: "en-GB", orgName: "A&B <Co>", personName: "Dana", teamName: "Ops", weekStart: "2026-01-12", url: "http://x.test/teams/1?week=2026-01-12" });
    const slack = slackPayload(note).text;
    expect(slack).toContain("A&amp;B &lt;Co&gt;");
    expect(slack.endsWith("<http://x.test/teams/1?week=2026-01-12|Log your numbers>")).toBe(true);
    expect(teamsPayload(note)).toMatchObject({ "@type": "MessageCard", title: note.title, potentialAction: [{ targets: [{ uri: note.action.url }] }] });
  });

  it("covers each of a lead's teams in one check-in reminder, with each team's link", () => {
    const team = (teamName: string, id: string) =>
      checkInReminder({ locale: "en-GB", orgName: "Acme", teamName, measures: [], commitmentsDue: [], url: `http://x.test/teams/${id}/check-in` });
    const one = team("Tier 1", "a");
    expect(combinedNote("CHECK_IN_REMINDER", ["Tier 1"], [one])).toBe(one);
    const both = combinedNote("CHECK_IN_REMINDER", ["Tier 1", "Tier 2", "Billing"], [one, team("Tier 2", "b"), team("Billing", "c")]);
    expect(both.title).toBe("Check-in tomorrow: Tier 1, Tier 2 and Billing");
    expect(both.action).toEqual({ label: "Open the check-in (Tier 1)", url: "http://x.test/teams/a/check-in" });
    expect(both.lines.filter((l) => l.endsWith("weekly check-in is tomorrow (Acme)."))).toHaveLength(3);
    expect(both.lines).toContain("Open the check-in (Tier 2): http://x.test/teams/b/check-in");
    expect(both.lines).toContain("Open the check-in (Billing): http://x.test/teams/c/check-in");
  });

  it("writes dates in the organization's locale, not as ISO keys", () => {
    const us = memberReminder({ locale: "en-US", orgName: "Acme", personName: "Dana", teamName: "Ops", weekStart: "2026-01-12", url: "http://x.test/teams/1?week=2026-01-12" });
    expect(us.title).toBe("Log your numbers for the week of Jan 12, 2026");
    expect(us.action.url).toContain("week=2026-01-12");
    const de = managerDigest({ locale: "de-DE", orgName: "Acme", weekStart: "2026-03-23", attainment: 0.734, atRisk: [], lagMoves: [], missedCheckIns: [], url: "u" });
    expect(de.title).toBe("Acme: the week of 23. März 2026");
    expect(de.lines[0]).toBe("Lead attainment this week: 73%."); // formatShare, as the dashboard writes it
    expect(executiveDigest({ locale: "en-GB", orgName: "Acme", month: "2026-11", report: null, url: "u" }).title).toBe("Acme: Nov 2026");
  });
});
