// Every permission rule in one place. Membership is not a role: each function takes the
// caller's role in the organization the record belongs to.
import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden } from "@/lib/errors";

const RANK: Record<Role, number> = { MEMBER: 1, MANAGER: 2, ADMIN: 3, OWNER: 4 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

/** The manager dashboard: all teams of the organization. */
export const canViewDashboard = (role: Role) => hasRole(role, "MANAGER");
/** Log or correct entries for people other than oneself, and for teams one is not on. */
export const canLogForOthers = (role: Role) => hasRole(role, "MANAGER");
/** See any team's page, not only one's own teams. */
export const canViewAllTeams = (role: Role) => hasRole(role, "MANAGER");
/** Define measures, targets and teams. */
export const canManageMeasures = (role: Role) => hasRole(role, "MANAGER");
/** Organization settings, members, API tokens. */
export const canAdminister = (role: Role) => hasRole(role, "ADMIN");

export function requireRole(role: Role, atLeast: Role, what = "do that"): void {
  if (!hasRole(role, atLeast)) throw forbidden(`You need the ${atLeast.toLowerCase()} role to ${what}.`);
}
/** Run a team's weekly check-in: its lead, or a manager and above. */
export const canRunCheckIn = (role: Role, isTeamLead: boolean) => isTeamLead || hasRole(role, "MANAGER");
