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

  it("knows its filter kinds", () => {
    expect(isAuditKind("people")).toBe(true);
    expect(isAuditKind("toString")).toBe(false);
  });
});
