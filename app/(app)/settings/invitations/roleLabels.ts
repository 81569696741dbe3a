import type { InvitableRole } from "@/lib/schemas/invitations";

/** What each role may do, in the words of the invite form. */
export const ROLE_LABELS: Record<InvitableRole, string> = {
  ADMIN: "Admin — everything, including settings and people",
  MANAGER: "Manager — measures, teams, dashboards; invites members",
  MEMBER: "Member — logs their own numbers on their teams",
  VIEWER: "Viewer — reads dashboards and reports, changes nothing",
};
