// Every permission rule in one place. Membership is not a role: each function takes the
// caller's role in the organization the record belongs to. `can*` answers; `require*` refuses
// with a 403 that says why (services, views and endpoints call these, never compare roles).
import type { ImportKind } from "@/lib/csv/options";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ApiScope } from "@/lib/services/apiTokens";
import { forbidden } from "@/lib/errors";

// VIEWER ranks below MEMBER for every write, but reads what managers read (dashboards, teams,
// analytics, ROI, reports): it is the executives' role.
const RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, MANAGER: 2, ADMIN: 3, OWNER: 4 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

/** Reads what managers read: dashboards, every team, analytics, ROI and reports. */
const readsLikeAManager = (role: Role) => role === "VIEWER" || hasRole(role, "MANAGER");

/** The manager dashboard: all teams of the organization. */
export const canViewDashboard = readsLikeAManager;
/** Log entries, make commitments, run check-ins: everyone but viewers (on their own teams). */
export const canWrite = (role: Role) => hasRole(role, "MEMBER");
/** Log or correct entries for people other than oneself, and for teams one is not on. */
export const canLogForOthers = (role: Role) => hasRole(role, "MANAGER");
/** See any team's page, not only one's own teams. */
export const canViewAllTeams = readsLikeAManager;
/** A team's page and member list: the people on it, and managers and above. */
export const canViewTeam = (role: Role, isOnTeam: boolean) => isOnTeam || canViewAllTeams(role);
/** Define measures, targets and teams. */
export const canManageMeasures = (role: Role) => hasRole(role, "MANAGER");
/** Share a report by link with someone without an account: managers and above (not viewers). */
export const canShareReports = (role: Role) => hasRole(role, "MANAGER");
/** Organization settings, members, API tokens. */
export const canAdminister = (role: Role) => hasRole(role, "ADMIN");
/** Run a team's weekly check-in: its lead, or a manager and above. */
export const canRunCheckIn = (role: Role, isTeamLead: boolean) => (isTeamLead && canWrite(role)) || hasRole(role, "MANAGER");
/** The audit trail: managers and above. */
export const canReadAudit = (role: Role) => hasRole(role, "MANAGER");
/** Download the whole audit trail as CSV: owners and admins. */
export const canExportAudit = (role: Role) => hasRole(role, "ADMIN");
/** Invite people and manage invitations: managers (for member/viewer roles) and admins. */
export const canInvite = (role: Role) => hasRole(role, "MANAGER");
/** The roles a caller may hand out by invitation or a role change: never above their own. */
export function canGrantRole(callerRole: Role, role: Role): boolean {
  if (role === "OWNER") return false; // ownership moves only by transfer
  if (hasRole(callerRole, "ADMIN")) return true;
  return hasRole(callerRole, "MANAGER") && (role === "MEMBER" || role === "VIEWER");
}
/** A new report export (viewers read and download past reports). */
export const canExportReport = (role: Role) => hasRole(role, "MANAGER");
/** An API token acts with an admin's role in its organization, narrowed by its scopes. */
export const API_TOKEN_ROLE: Role = "ADMIN";

function allow(allowed: boolean, why: string): void {
  if (!allowed) throw forbidden(why);
}

/** Viewers read; every write starts here. */
export const requireWriter = (role: Role) => allow(canWrite(role), "Viewers can read but not change anything.");
export const requireInviter = (role: Role) => allow(canInvite(role), "You need the manager role to invite people.");
export function requireGrantableRole(callerRole: Role, role: Role): void {
  allow(canGrantRole(callerRole, role), role === "OWNER" ? "Ownership is transferred, not granted." : `You cannot give the ${role.toLowerCase()} role.`);
}

export function requireRole(role: Role, atLeast: Role, what = "do that"): void {
  allow(hasRole(role, atLeast), `You need the ${atLeast.toLowerCase()} role to ${what}.`);
}

export const requireTeamAccess = (role: Role, isOnTeam: boolean) => allow(canViewTeam(role, isOnTeam), "You are not a member of this team.");
/** The dashboard's drill-downs into a team or a lag measure. */
export const requireDashboardAccess = (role: Role) => allow(canViewDashboard(role), "The dashboard is for managers.");
export const requireAnalyticsAccess = (role: Role) => allow(canViewDashboard(role), "You need the manager role to see analytics.");
export const requireReportExporter = (role: Role) => allow(canExportReport(role), "You need the manager role to export a report.");
export const requireReportAccess = (role: Role) => allow(canViewDashboard(role), "You need the manager role to see reports.");
export const requireReportSharing = (role: Role) => allow(canShareReports(role), "You need the manager role to share a report.");
export const requireProgramRoiAccess = (role: Role) => allow(canViewDashboard(role), "You need the manager role to see a program's ROI.");
/** Settings → Jobs: the organization's background jobs, and retrying a failed one. */
export const requireJobsAdmin = (role: Role) => allow(canAdminister(role), "You need the admin role to see the organization's background jobs.");
/** The CSV exports of every lead entry and lag result. */
export const requireExportAccess = (role: Role) => allow(canViewDashboard(role), "Only managers can export the organization's data.");
export const requireAuditExport = (role: Role) => allow(canExportAudit(role), "Only owners and admins can export the audit trail.");
export const requireLagWriter = (role: Role) => allow(canManageMeasures(role), "Only managers can record lag measure results.");

/** A token needs the endpoint's scope; a session caller (no token scopes) is governed by their role. */
export function requireScope(tokenScopes: readonly string[] | null, scope: ApiScope): void {
  if (tokenScopes) allow(tokenScopes.includes(scope), `This API token lacks the "${scope}" scope.`);
}

/** Lead entries are logged for others; lag results are measure data. */
export function requireImporter(role: Role, kind: ImportKind): void {
  if (kind === "lead-entries") allow(canLogForOthers(role), "Only managers can import lead entries.");
  else allow(canManageMeasures(role), "Only managers can import lag measure results.");
}
