import { describe, expect, it } from "vitest";
import { describeAuditEvent, isAuditKind } from "./auditText";

const event = (action: string, before: unknown, after: unknown, subject: string | null = "Sam Taylor") => ({
  action,
  entityType: "Membership",
  actor: "Alex Morgan",
  subject,
  before,
  after,
});

describe("the audit trail in plain words", () => {
  it("says who changed whose role, from what to what", () => {
    expect(describeAuditEvent(event("membership.role.change", { role: "MEMBER" }, { role: "VIEWER" }))).toBe(
      "Alex Morgan made Sam Taylor a viewer (was member).",
    );
    expect(describeAuditEvent(event("membership.role.change", { role: "MANAGER" }, { role: "ADMIN" }))).toBe(
      "Alex Morgan made Sam Taylor an admin (was manager).",
    );
  });

  it("names deactivation, reactivation, removal and the ownership transfer", () => {
    expect(describeAuditEvent(event("membership.deactivate", {}, {}))).toMatch(/^Alex Morgan deactivated Sam Taylor/);
    expect(describeAuditEvent(event("membership.reactivate", {}, {}))).toBe("Alex Morgan reactivated Sam Taylor.");
    expect(describeAuditEvent(event("membership.remove", {}, {}))).toBe("Alex Morgan removed Sam Taylor from the organization.");
    expect(describeAuditEvent(event("membership.ownership.transfer", {}, {}))).toMatch(/handed ownership of the organization to Sam Taylor/);
  });

  it("falls back to the name or email recorded in the event, and has no words for other events", () => {
    expect(describeAuditEvent(event("membership.remove", { name: "Former Person" }, {}, null))).toBe("Alex Morgan removed Former Person from the organization.");
    expect(describeAuditEvent({ ...event("invitation.create", null, { email: "new@example.test", role: "MANAGER" }), entityType: "Invitation" })).toBe(
      "Alex Morgan invited new@example.test as a manager.",
    );
    expect(describeAuditEvent(event("lead_entry.create", null, {}))).toBeNull();
  });

  it("tells what happened to a team, by the names the event recorded", () => {
    const team = (action: string, before: unknown, after: unknown) => describeAuditEvent({ ...event(action, before, after, null), entityType: "Team" });
    expect(team("team.rename", { name: "Tier 1" }, { name: "Tier One" })).toBe("Alex Morgan renamed the team Tier 1 to Tier One.");
    expect(team("team.archive", { name: "Night Shift", archivedAt: null }, { name: "Night Shift" })).toBe("Alex Morgan archived the team Night Shift.");
    expect(team("team.members.add", null, { team: "Billing", people: [{ userId: "u1", name: "Ana" }, { userId: "u2", name: "Ben" }] })).toBe(
      "Alex Morgan added Ana, Ben to Billing.",
    );
    expect(team("team.members.remove", { team: "Billing", name: "Ben" }, null)).toBe("Alex Morgan took Ben off Billing.");
    expect(team("team.lead.set", null, { team: "Billing", name: "Ana", isLead: true })).toBe("Alex Morgan made Ana a lead of Billing.");
    expect(team("team.measure.track", null, { team: "Billing", measure: "Callbacks", weeklyTarget: 20 })).toBe(
      "Alex Morgan had Billing track Callbacks with a target of 20 a week.",
    );
    expect(team("team.measure.untrack", { team: "Billing", measure: "Callbacks" }, null)).toBe("Alex Morgan had Billing stop tracking Callbacks.");
  });

  it("tells commitments edited and deleted before the meeting, and meetings held, in words", () => {
    const c = (action: string, before: unknown, after: unknown) => describeAuditEvent({ ...event(action, before, after, null), entityType: "Commitment" });
    expect(c("commitment.edit", { text: "Call two clients" }, { text: "Call three clients" })).toBe("Alex Morgan changed the commitment “Call two clients” to “Call three clients”.");
    expect(c("commitment.edit", { text: "Call two clients" }, { text: "Call two clients" })).toBe("Alex Morgan changed the lead measure of the commitment “Call two clients”.");
    expect(c("commitment.delete", { text: "Call two clients" }, null)).toBe("Alex Morgan deleted the commitment “Call two clients”.");
    expect(c("check_in.hold", null, { weekStart: "2026-03-02", durationMinutes: 24 })).toBe("Alex Morgan held the check-in of the week of 2026-03-02 (a 24-minute meeting).");
  });

  it("knows its filter kinds", () => {
    expect(isAuditKind("people")).toBe(true);
    expect(isAuditKind("toString")).toBe(false);
  });
});

describe("report share links in words", () => {
  it("says who shared which report for how long, and who revoked a link", () => {
    const base = { entityType: "ReportShare", actor: "Priya", subject: null };
    expect(describeAuditEvent({ ...base, action: "report.share.create", before: null, after: { report: "Quarterly ROI narrative: Acme", days: 30 } })).toBe(
      "Priya shared the report “Quarterly ROI narrative: Acme” by a read-only link for 30 days.",
    );
    expect(describeAuditEvent({ ...base, action: "report.share.revoke", before: { report: "Quarterly ROI narrative: Acme" }, after: { report: "Quarterly ROI narrative: Acme" } })).toBe(
      "Priya revoked a share link to the report “Quarterly ROI narrative: Acme”; it no longer opens the report.",
    );
  });
});
