import { describe, expect, it } from "vitest";
import { canAdminister, canLogForOthers, canViewDashboard, requireRole } from "./permissions";

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

  it("refuses with a forbidden error that names the role needed", () => {
    expect(() => requireRole("MEMBER", "MANAGER", "see the dashboard")).toThrow(/manager role to see the dashboard/);
    expect(() => requireRole("MANAGER", "MANAGER")).not.toThrow();
  });
});
