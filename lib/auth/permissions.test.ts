import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  canAdminister,
  canLogForOthers,
  canRunCheckIn,
  canGrantRole,
  canViewDashboard,
  canViewTeam,
  canWrite,
  requireGrantableRole,
  requireReportExporter,
  requireWriter,
  requireAnalyticsAccess,
  requireDashboardAccess,
  requireExportAccess,
  requireImporter,
  requireLagWriter,
  requireProgramRoiAccess,
  requireReportAccess,
  requireRole,
  requireScope,
  requireTeamAccess,
} from "./permissions";

describe("permissions", () => {
  it("lets managers and above see the dashboard, not members", () => {
    expect(canViewDashboard("MEMBER")).toBe(false);
    expect(canViewDashboard("MANAGER")).toBe(true);
    expect(canViewDashboard("OWNER")).toBe(true);
  });

  it("keeps logging for others to managers", () => {
    expect(canLogForOthers("MEMBER")).toBe(false);
    expect(canLogForOthers("ADMIN")).toBe(true);
  });

  it("keeps administration to admins and owners", () => {
    expect(canAdminister("MANAGER")).toBe(false);
    expect(canAdminister("ADMIN")).toBe(true);
  });

  it("shows a team to the people on it and to managers", () => {
    expect(canViewTeam("MEMBER", true)).toBe(true);
    expect(canViewTeam("MEMBER", false)).toBe(false);
    expect(canViewTeam("MANAGER", false)).toBe(true);
    expect(() => requireTeamAccess("MEMBER", false)).toThrow("You are not a member of this team.");
    expect(() => requireTeamAccess("MEMBER", true)).not.toThrow();
  });

  it("lets a team's lead run its check-in without being a manager", () => {
    expect(canRunCheckIn("MEMBER", true)).toBe(true);
    expect(canRunCheckIn("MEMBER", false)).toBe(false);
    expect(canRunCheckIn("MANAGER", false)).toBe(true);
  });

  it("refuses with a forbidden error that names the role needed", () => {
    expect(() => requireRole("MEMBER", "MANAGER", "see the dashboard")).toThrow(/manager role to see the dashboard/);
    expect(() => requireRole("MANAGER", "MANAGER")).not.toThrow();
  });

  it("holds a token to its scopes, and leaves session callers to their role", () => {
    expect(() => requireScope(["teams:read"], "teams:write")).toThrow('This API token lacks the "teams:write" scope.');
    expect(() => requireScope(["teams:read"], "teams:read")).not.toThrow();
    expect(() => requireScope(null, "teams:write")).not.toThrow();
  });

  it("keeps the manager's views and writes from members, saying why", () => {
    const checks: [(role: Role) => void, string][] = [
      [requireDashboardAccess, "The dashboard is for managers."],
      [requireAnalyticsAccess, "You need the manager role to see analytics."],
      [requireReportAccess, "You need the manager role to see reports."],
      [requireProgramRoiAccess, "You need the manager role to see a program's ROI."],
      [requireExportAccess, "Only managers can export the organization's data."],
      [requireLagWriter, "Only managers can record lag measure results."],
      [(role) => requireImporter(role, "lead-entries"), "Only managers can import lead entries."],
      [(role) => requireImporter(role, "lag-observations"), "Only managers can import lag measure results."],
    ];
    for (const [check, why] of checks) {
      expect(() => check("MEMBER")).toThrow(expect.objectContaining({ code: "forbidden", message: why }));
      for (const role of ["MANAGER", "ADMIN", "OWNER"] as const) expect(() => check(role)).not.toThrow();
    }
  });

  it("lets a viewer read what managers read and change nothing", () => {
    expect(canViewDashboard("VIEWER")).toBe(true);
    expect(canViewTeam("VIEWER", false)).toBe(true);
    expect(() => requireReportAccess("VIEWER")).not.toThrow();
    expect(() => requireProgramRoiAccess("VIEWER")).not.toThrow();
    expect(canWrite("VIEWER")).toBe(false);
    expect(canWrite("MEMBER")).toBe(true);
    expect(canLogForOthers("VIEWER")).toBe(false);
    expect(canRunCheckIn("VIEWER", true)).toBe(false);
    expect(() => requireWriter("VIEWER")).toThrow("Viewers can read but not change anything.");
    expect(() => requireReportExporter("VIEWER")).toThrow("You need the manager role to export a report.");
    expect(() => requireLagWriter("VIEWER")).toThrow();
    expect(() => requireImporter("VIEWER", "lead-entries")).toThrow();
  });

  it("lets managers hand out member and viewer roles, admins any role but owner", () => {
    expect(canGrantRole("MANAGER", "MEMBER")).toBe(true);
    expect(canGrantRole("MANAGER", "VIEWER")).toBe(true);
    expect(canGrantRole("MANAGER", "MANAGER")).toBe(false);
    expect(canGrantRole("ADMIN", "ADMIN")).toBe(true);
    expect(canGrantRole("OWNER", "OWNER")).toBe(false);
    expect(canGrantRole("MEMBER", "VIEWER")).toBe(false);
    expect(() => requireGrantableRole("ADMIN", "OWNER")).toThrow("Ownership is transferred, not granted.");
  });
});
