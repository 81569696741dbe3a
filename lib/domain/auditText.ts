// The audit trail's events in plain words: "Alex Morgan made Sam Taylor a viewer (was member)".
// Pure: the page hands in the actor's and the subject's names. Events without words here are shown
// by their action name with the values before and after.

export type AuditEventText = {
  action: string;
  entityType: string;
  actor: string;
  /** The person a Membership or User event is about, when known. */
  subject: string | null;
  before: unknown;
  after: unknown;
};

const ROLE: Record<string, string> = { OWNER: "owner", ADMIN: "admin", MANAGER: "manager", MEMBER: "member", VIEWER: "viewer" };
const article = (role: string) => (role === "ADMIN" || role === "OWNER" ? "an" : "a");

function field(value: unknown, key: string): string | undefined {
  if (value && typeof value === "object" && key in value) {
    const v = (value as Record<string, unknown>)[key];
    return typeof v === "string" ? v : undefined;
  }
  return undefined;
}

function role(value: unknown): string {
  const r = field(value, "role");
  return r ? `${article(r)} ${ROLE[r] ?? r.toLowerCase()}` : "a member";
}

function number(value: unknown, key: string): number | undefined {
  const v = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === "number" ? v : undefined;
}

/** The teams settings page's events (lib/services/team*.ts record the team's and people's names). */
function teamSentence(e: AuditEventText): string | null {
  const team = field(e.after, "team") ?? field(e.before, "team") ?? "a team";
  const person = field(e.after, "name") ?? field(e.before, "name") ?? "someone";
  switch (e.action) {
    case "team.create":
      return `${e.actor} created the team ${field(e.after, "name") ?? ""}.`;
    case "team.rename":
      return `${e.actor} renamed the team ${field(e.before, "name") ?? "?"} to ${field(e.after, "name") ?? "?"}.`;
    case "team.archive":
      return `${e.actor} archived the team ${person}.`;
    case "team.restore":
      return `${e.actor} restored the team ${person}.`;
    case "team.members.add": {
      const people = e.after && typeof e.after === "object" ? (e.after as { people?: unknown }).people : undefined;
      const names = Array.isArray(people) ? people.map((p) => field(p, "name")).filter((n): n is string => Boolean(n)) : [];
      return `${e.actor} added ${names.join(", ") || "people"} to ${team}.`;
    }
    case "team.members.remove":
      return `${e.actor} took ${person} off ${team}.`;
    case "team.lead.set":
      return `${e.actor} made ${person} a lead of ${team}.`;
    case "team.lead.unset":
      return `${e.actor} made ${person} no longer a lead of ${team}.`;
    case "team.measure.track": {
      const target = number(e.after, "weeklyTarget");
      return `${e.actor} had ${team} track ${field(e.after, "measure") ?? "a lead measure"}${target != null ? ` with a target of ${target} a week` : ""}.`;
    }
    case "team.measure.untrack":
      return `${e.actor} had ${team} stop tracking ${field(e.before, "measure") ?? "a lead measure"}.`;
    default:
      return null;
  }
}

/** The check-in's events: commitments made, reviewed, edited and deleted, and meetings. */
function checkInSentence(e: AuditEventText): string | null {
  const text = field(e.after, "text") ?? field(e.before, "text");
  const quoted = text ? `“${text}”` : "a commitment";
  switch (e.action) {
    case "commitment.create":
      return `${e.actor} added the commitment ${quoted}.`;
    case "commitment.edit": {
      const was = field(e.before, "text");
      return was && was !== text ? `${e.actor} changed the commitment “${was}” to ${quoted}.` : `${e.actor} changed the lead measure of the commitment ${quoted}.`;
    }
    case "commitment.delete":
      return `${e.actor} deleted the commitment ${quoted}.`;
    case "check_in.meeting.start":
      return `${e.actor} started the check-in meeting of the week of ${field(e.after, "weekStart") ?? "?"}.`;
    case "check_in.hold": {
      const minutes = number(e.after, "durationMinutes");
      return `${e.actor} held the check-in of the week of ${field(e.after, "weekStart") ?? "?"}${minutes != null ? ` (a ${minutes}-minute meeting)` : ""}.`;
    }
    default:
      return null;
  }
}

/** One sentence for the event, or null when it has none. */
export function describeAuditEvent(e: AuditEventText): string | null {
  const who = e.subject ?? field(e.after, "name") ?? field(e.before, "name") ?? field(e.after, "email") ?? "someone";
  const email = field(e.after, "email") ?? field(e.before, "email") ?? "someone";
  switch (e.action) {
    case "membership.role.change":
      return `${e.actor} made ${who} ${role(e.after)} (was ${ROLE[field(e.before, "role") ?? ""] ?? "?"}).`;
    case "membership.deactivate":
      return `${e.actor} deactivated ${who}: they can no longer sign in to the organization.`;
    case "membership.reactivate":
      return `${e.actor} reactivated ${who}.`;
    case "membership.remove":
      return `${e.actor} removed ${who} from the organization.`;
    case "membership.ownership.transfer":
      return `${e.actor} handed ownership of the organization to ${who} and became an admin.`;
    case "sso.joined":
      return `${who} joined through single sign-on as ${role(e.after)}.`;
    case "invitation.create":
      return `${e.actor} invited ${email} as ${role(e.after)}.`;
    case "invitation.resend":
      return `${e.actor} sent the invitation for ${email} again.`;
    case "invitation.revoke":
      return `${e.actor} revoked the invitation for ${email}.`;
    case "invitation.accept":
      return `${e.actor} accepted the invitation for ${email} and joined as ${role(e.after)}.`;
    case "user.password_change":
      return `${who} changed their password; their other sessions were ended.`;
    case "user.password_reset":
      return `${who} reset their password with an emailed link; their sessions were ended.`;
    case "report.share.create":
      return `${e.actor} shared the report “${field(e.after, "report") ?? "?"}” by a read-only link${number(e.after, "days") != null ? ` for ${number(e.after, "days")} days` : ""}.`;
    case "report.share.revoke":
      return `${e.actor} revoked a share link to the report “${field(e.after, "report") ?? field(e.before, "report") ?? "?"}”; it no longer opens the report.`;
    default:
      return teamSentence(e) ?? checkInSentence(e);
  }
}

/** The audit page's filter: a kind of event, and the entity types it covers. */
export const AUDIT_KINDS = {
  people: { label: "People, invitations and passwords", entityTypes: ["Membership", "Invitation", "User"] },
  entries: { label: "Lead entries", entityTypes: ["LeadEntry", "LeadCell"] },
  measures: { label: "Measures and targets", entityTypes: ["LeadMeasure", "LeadTarget", "LagMeasure", "LagObservation"] },
  teams: { label: "Teams", entityTypes: ["Team"] },
  checkIns: { label: "Check-ins and commitments", entityTypes: ["Commitment", "CheckIn"] },
  programs: { label: "ROI programs and report links", entityTypes: ["Program", "ProgramCost", "ProgramBenefit", "ProgramIntangible", "ReportShare"] },
  settings: { label: "Settings and API tokens", entityTypes: ["Organization", "ApiToken", "SsoConnection", "OutboxEmail"] },
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === "string" && Object.hasOwn(AUDIT_KINDS, value);
}
