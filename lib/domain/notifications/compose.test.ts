import { describe, expect, it } from "vitest";
import { checkInReminder, combinedNote, managerDigest, memberReminder, slackPayload, teamsPayload } from "./compose";

describe("reminder and digest messages", () => {
  it("says what the manager digest is about, and what is fine", () => {
    const note = managerDigest({
      orgName: "Acme",
      weekStart: "2026-03-23",
      attainment: 0.734,
      atRisk: [{ teamName: "Support", reasons: ["red for 2 weeks", "1 of 4 check-ins held"] }],
      lagMoves: [{ name: "CSAT", status: "off track" }],
      missedCheckIns: ["Support"],
      url: "http://x.test/dashboard",
    });
    expect(note.title).toBe("Acme: the week of 2026-03-23");
    expect(note.lines).toEqual([
      "Lead attainment this week: 73%.",
      "Teams at risk: Support (red for 2 weeks; 1 of 4 check-ins held).",
      "Lag measures: CSAT off track.",
      "Missed check-ins: Support.",
    ]);
    const calm = managerDigest({ orgName: "Acme", weekStart: "2026-03-23", attainment: null, atRisk: [], lagMoves: [], missedCheckIns: [], url: "u" });
    expect(calm.lines).toContain("No team is at risk.");
    expect(calm.lines[0]).toBe("Lead attainment this week: no target yet.");
  });

  it("renders Slack mrkdwn with its link escaped, and a Teams card with the same link", () => {
    const note = memberReminder({ orgName: "A&B <Co>", personName: "Dana", teamName: "Ops", weekStart: "2026-01-12", url: "http://x.test/teams/1?week=2026-01-12" });
    const slack = slackPayload(note).text;
    expect(slack).toContain("A&amp;B &lt;Co&gt;");
    expect(slack.endsWith("<http://x.test/teams/1?week=2026-01-12|Log your numbers>")).toBe(true);
    expect(teamsPayload(note)).toMatchObject({ "@type": "MessageCard", title: note.title, potentialAction: [{ targets: [{ uri: note.action.url }] }] });
  });

  it("covers each of a lead's teams in one check-in reminder, with each team's link", () => {
    const team = (teamName: string, id: string) =>
      checkInReminder({ orgName: "Acme", teamName, measures: [], commitmentsDue: [], url: `http://x.test/teams/${id}/check-in` });
    const one = team("Tier 1", "a");
    expect(combinedNote("CHECK_IN_REMINDER", ["Tier 1"], [one])).toBe(one);
    const both = combinedNote("CHECK_IN_REMINDER", ["Tier 1", "Tier 2", "Billing"], [one, team("Tier 2", "b"), team("Billing", "c")]);
    expect(both.title).toBe("Check-in tomorrow: Tier 1, Tier 2 and Billing");
    expect(both.action).toEqual({ label: "Open the check-in (Tier 1)", url: "http://x.test/teams/a/check-in" });
    expect(both.lines.filter((l) => l.endsWith("weekly check-in is tomorrow (Acme)."))).toHaveLength(3);
    expect(both.lines).toContain("Open the check-in (Tier 2): http://x.test/teams/b/check-in");
    expect(both.lines).toContain("Open the check-in (Billing): http://x.test/teams/c/check-in");
  });
});
