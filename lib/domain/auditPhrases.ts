// One sentence per audited action (lib/services/** write them): "Maria Lopez changed Coaching
// conversations on Tue 3 Nov for Tier 1 from 2 to 3." A test walks every action the services
// record and fails on one without a phrase here. Pure.
import { listText } from "./lists";
import { KIND_LABELS } from "./notifications/schedule";
import { plural, quote, ROLE, str, type Say } from "./auditSay";

type Phrase = (s: Say) => string;
type Obj = Record<string, unknown>;

const rows = (v: unknown): Obj[] => {
  const list = Array.isArray(v) ? v : v && typeof v === "object" && Array.isArray((v as { rows?: unknown }).rows) ? (v as { rows: unknown[] }).rows : [];
  return list.filter((r): r is Obj => Boolean(r) && typeof r === "object");
};
const sum = (list: Obj[]) => list.reduce((t, r) => t + (typeof r.value === "number" ? r.value : 0), 0);
const withChanges = (list: string[]) => (list.length ? `: ${list.join("; ")}` : "");
const via = (s: Say) => (s.str("source") === "API" ? " through the API" : "");

/** The person a people event is about. */
const who = (s: Say) => s.e.subject ?? s.person(s.e.entityId, s.str("name") ?? s.str("email"));
const invitee = (s: Say) => s.str("email") ?? "someone";
const invitedTeams = (s: Say) => {
  const teams = s.teams(s.after.teamIds);
  return teams ? ` to ${teams}` : "";
};

/** The file an import came from: its audit id is "csv:<file name>". */
const fromFile = (s: Say) => (s.e.entityId?.startsWith("csv:") ? ` from the file ${s.e.entityId.slice(4)}` : "");
const replacing = (s: Say, n: number | undefined) => (n ? `, replacing ${s.number(n)} earlier` : "");

const commitment = (s: Say) => {
  const text = s.str("text");
  const team = s.str("teamId") ? ` (${s.team(s.str("teamId"))}, week of ${s.day(s.str("weekStart"))})` : "";
  return { quoted: text ? quote(text) : "a commitment", whose: s.str("userId") ? s.whose(s.str("userId")) : "", team };
};
const STATUS: Record<string, string> = { DONE: "done", PARTIAL: "partly done", NOT_DONE: "not done", OPEN: "open" };

const ORGANIZATION = { name: "name", timeZone: "time zone", weekStartsOn: "weeks starting on", currency: "currency", locale: "locale", greenThreshold: "green threshold", amberThreshold: "amber threshold" };
const SSO = { preset: "provider", issuer: "issuer", clientId: "client id", allowedDomains: "domains", defaultRole: "default role", requireSso: "SSO required", enabled: "enabled" };
const SCHEDULE = { enabled: "on", day: "day", hour: "hour", email: "email", inApp: "in-app" };
const LEAD_MEASURE = { name: "name", description: "description", unit: "unit", aggregation: "adds up by", activeFrom: "active from", activeTo: "active until" };
const LAG_MEASURE = {
  name: "name",
  description: "description",
  kind: "kind",
  unit: "unit",
  direction: "direction",
  cadence: "cadence",
  baselineValue: "baseline",
  baselineDate: "baseline date",
  targetValue: "target",
  targetDate: "target date",
};
const PROGRAM = { name: "name", description: "description", startDate: "start", endDate: "end", averageSalary: "average salary" };

/** Who answers for a lag measure, in words; null when the event does not say. */
const lagOwner = (s: Say, snapshot: Obj): string | null => {
  if (!("ownerId" in snapshot)) return null;
  return typeof snapshot.ownerId === "string" ? s.person(snapshot.ownerId) : "nobody";
};
/** "owner from Sam Lee to nobody" when the event changed who answers for the goal. */
const lagOwnerChange = (s: Say): string[] => {
  const now = lagOwner(s, s.after);
  const was = lagOwner(s, s.before) ?? "nobody";
  return now !== null && (s.before.ownerId ?? null) !== (s.after.ownerId ?? null) ? [`owner from ${was} to ${now}`] : [];
};
const lagCreatedOwner = (s: Say) => {
  const owner = typeof s.after.ownerId === "string" ? s.person(s.after.ownerId) : null;
  return owner ? `, owned by ${owner}` : "";
};
/** ", leaving CSAT and NPS with no owner": the lag measures a removed member answered for. */
const clearedOwnership = (s: Say) => {
  const names = Array.isArray(s.before.ownedLagMeasureIds) ? s.before.ownedLagMeasureIds.map((id) => s.lag(id).name) : [];
  return names.length ? `, leaving ${listText(names)} with no owner` : "";
};

const measureTeams = (s: Say, targets: unknown) => {
  const list = Array.isArray(targets) ? targets.map((t) => s.team((t as Obj)?.teamId)) : [];
  return list.length ? ` for ${listText(list)}` : "";
};
const cost = (s: Say) => `a cost of ${s.money(s.num("amount"))} (${s.value("category", s.str("category"))}${s.str("description") ? `: ${s.str("description")}` : ""})`;

export const PHRASES: Record<string, Phrase> = {
  // ---- people
  "membership.role.change": (s) => `${s.actor} made ${who(s)} ${s.role(s.after.role)} (was ${ROLE[String(s.before.role)] ?? "?"}).`,
  "membership.deactivate": (s) => `${s.actor} deactivated ${who(s)}: they can no longer sign in to the organization.`,
  "membership.reactivate": (s) => `${s.actor} reactivated ${who(s)}.`,
  "membership.remove": (s) => `${s.actor} removed ${who(s)} from the organization${clearedOwnership(s)}.`,
  "membership.ownership.transfer": (s) => `${s.actor} handed ownership of the organization to ${who(s)} and became an admin.`,
  "sso.joined": (s) => `${who(s)} joined through single sign-on as ${s.role(s.after.role)}.`,
  "invitation.create": (s) => `${s.actor} invited ${invitee(s)} as ${s.role(s.after.role)}${invitedTeams(s)}.`,
  "invitation.resend": (s) => `${s.actor} sent the invitation for ${invitee(s)} again.`,
  "invitation.revoke": (s) => `${s.actor} revoked the invitation for ${invitee(s)}.`,
  "invitation.accept": (s) => `${s.actor} accepted the invitation for ${invitee(s)} and joined as ${s.role(s.after.role)}.`,
  "user.password_change": (s) => `${who(s)} changed their password; their other sessions were ended.`,
  "user.password_reset": (s) => `${who(s)} reset their password with an emailed link; their sessions were ended.`,

  // ---- the organization and its settings
  "organization.create": (s) => `${s.actor} created the organization${s.str("name") ? ` ${s.str("name")}` : ""}.`,
  "organization.update": (s) => `${s.actor} changed the organization's settings${withChanges(s.changes(ORGANIZATION))}.`,
  "organization.setup_finish": (s) => `${s.actor} finished setting up the organization.`,
  "organization.setup_skip": (s) => `${s.actor} skipped the setup of the organization.`,
  "sso.create": (s) => `${s.actor} set up single sign-on${s.str("issuer") ? ` with ${s.str("issuer")}` : ""}.`,
  "sso.update": (s) => {
    const list = s.changes(SSO);
    if (s.after.clientSecretChanged === true) list.push("a new client secret");
    return `${s.actor} changed single sign-on${withChanges(list)}.`;
  },
  "api_token.create": (s) => {
    const scopes = Array.isArray(s.after.scopes) ? ` (${s.after.scopes.join(", ")})` : "";
    return `${s.actor} created ${s.token(s.e.entityId, s.str("name"))}${scopes}.`;
  },
  "api_token.revoke": (s) => `${s.actor} revoked ${s.token(s.e.entityId)}.`,
  "notifications.schedule": (s) => {
    const kind = s.str("kind") ?? s.e.entityId ?? "";
    const label = KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind;
    return `${s.actor} changed the default schedule of ${quote(label)}${withChanges(s.changes(SCHEDULE))}.`;
  },
  "notifications.webhook": (s) => {
    const channel = s.str("channel") === "TEAMS" ? "Microsoft Teams" : "Slack";
    return s.after.set === false
      ? `${s.actor} removed the ${channel} webhook of ${s.team(s.e.entityId)}.`
      : `${s.actor} set the ${channel} webhook of ${s.team(s.e.entityId)}.`;
  },
  "job.retry": (s) => `${s.actor} retried the failed background job ${quote(s.str("name") ?? "?")}.`,
  "email.resend": (s) => `${s.actor} sent the email ${quote(s.str("subject") ?? "?")} to ${s.str("to") ?? "?"} again (${(s.str("status") ?? "?").toLowerCase()}).`,

  // ---- teams (lib/services/team*.ts record the team's and people's names)
  "team.create": (s) => `${s.actor} created the team ${s.str("name") ?? s.team(s.e.entityId)}.`,
  "team.rename": (s) => `${s.actor} renamed the team ${str(s.before, "name") ?? "?"} to ${str(s.after, "name") ?? "?"}.`,
  "team.archive": (s) => `${s.actor} archived the team ${s.str("name") ?? s.team(s.e.entityId)}.`,
  "team.restore": (s) => `${s.actor} restored the team ${s.str("name") ?? s.team(s.e.entityId)}.`,
  "team.members.add": (s) => {
    const people = Array.isArray(s.after.people) ? (s.after.people as Obj[]) : [];
    const names = people.map((p) => s.person(p?.userId, typeof p?.name === "string" ? p.name : undefined));
    return `${s.actor} added ${listText(names) || "people"} to ${s.str("team") ?? s.team(s.e.entityId)}.`;
  },
  "team.members.remove": (s) => `${s.actor} took ${s.person(s.str("userId"), s.str("name"))} off ${s.str("team") ?? s.team(s.e.entityId)}.`,
  "team.members.set": (s) => {
    const ids = (v: unknown) => new Set(rows((v as Obj | undefined)?.members).map((m) => String(m.userId)));
    const was = ids(s.before);
    const now = ids(s.after);
    const added = [...now].filter((id) => !was.has(id)).map((id) => s.person(id));
    const removed = [...was].filter((id) => !now.has(id)).map((id) => s.person(id));
    const parts = [added.length ? `added ${listText(added)}` : "", removed.length ? `took off ${listText(removed)}` : ""].filter(Boolean);
    return `${s.actor} set the members of ${s.team(s.e.entityId)}${parts.length ? `: ${parts.join("; ")}` : " (leads changed)"}.`;
  },
  "team.lead.set": (s) => `${s.actor} made ${s.person(s.str("userId"), s.str("name"))} a lead of ${s.str("team") ?? s.team(s.e.entityId)}.`,
  "team.lead.unset": (s) => `${s.actor} made ${s.person(s.str("userId"), s.str("name"))} no longer a lead of ${s.str("team") ?? s.team(s.e.entityId)}.`,
  "team.measure.track": (s) => {
    const target = s.num("weeklyTarget");
    return `${s.actor} had ${s.str("team") ?? s.team(s.e.entityId)} track ${s.str("measure") ?? "a lead measure"}${target != null ? ` with a target of ${s.number(target)} a week` : ""}.`;
  },
  "team.measure.untrack": (s) => `${s.actor} had ${s.str("team") ?? s.team(s.e.entityId)} stop tracking ${s.str("measure") ?? "a lead measure"}.`,

  // ---- measures and targets
  "lead_measure.create": (s) => `${s.actor} created the lead measure ${s.str("name") ?? s.lead(s.e.entityId).name}${measureTeams(s, s.after.targets)}.`,
  "lead_measure.update": (s) => `${s.actor} changed the lead measure ${s.lead(s.e.entityId, s.str("name")).name}${withChanges(s.changes(LEAD_MEASURE))}.`,
  "lead_measure.archive": (s) => `${s.actor} archived the lead measure ${s.lead(s.e.entityId).name}.`,
  "lead_measure.restore": (s) => `${s.actor} restored the lead measure ${s.lead(s.e.entityId).name}.`,
  "lag_measure.create": (s) => `${s.actor} created the lag measure ${s.str("name") ?? s.lag(s.e.entityId).name}${lagCreatedOwner(s)}.`,
  "lag_measure.update": (s) =>
    `${s.actor} changed the lag measure ${s.lag(s.e.entityId, s.str("name")).name}${withChanges([...s.changes(LAG_MEASURE), ...lagOwnerChange(s)])}.`,
  "lag_measure.archive": (s) => `${s.actor} archived the lag measure ${s.lag(s.e.entityId).name}.`,
  "lag_measure.restore": (s) => `${s.actor} restored the lag measure ${s.lag(s.e.entityId).name}.`,
  "lead_target.change": (s) => {
    const was = s.before.weeklyTarget;
    return (
      `${s.actor} set the weekly target of ${s.team(s.str("teamId"))} for ${s.lead(s.str("leadMeasureId")).name} to ${s.number(s.after.weeklyTarget)}` +
      ` from the week of ${s.day(s.after.effectiveFrom)}${typeof was === "number" ? ` (was ${s.number(was)})` : ""}.`
    );
  },

  // ---- lead entries
  "lead_entry.create": (s) => {
    const forWhom = s.str("userId") !== s.e.actorId && s.str("userId") ? ` for ${s.person(s.str("userId"))}` : "";
    return `${s.actor} logged ${s.number(s.after.value)} ${s.lead(s.str("leadMeasureId")).name}${forWhom} on ${s.day(s.str("entryDate"))} (${s.team(s.str("teamId"))}).`;
  },
  "lead_entry.delete": (s) =>
    `${s.actor} deleted ${s.whose(s.str("userId"))}entry of ${s.number(s.before.value)} ${s.lead(s.str("leadMeasureId")).name} on ${s.day(s.str("entryDate"))} (${s.team(s.str("teamId"))}).`,
  "lead_cell.set": (s) => {
    const was = rows(s.e.before);
    const [userId, measureId, day] = (s.e.entityId ?? "").split("|");
    const cell = `${s.whose(s.str("userId") ?? userId)}${s.lead(s.str("leadMeasureId") ?? measureId).name} on ${s.day(s.str("entryDate") ?? day)} for ${s.team(s.str("teamId"))}`;
    return was.length
      ? `${s.actor} changed ${cell} from ${s.number(sum(was))} to ${s.number(s.after.value)}${via(s)}.`
      : `${s.actor} set ${cell} to ${s.number(s.after.value)}${via(s)}.`;
  },
  "lead_cell.clear": (s) => {
    const was = rows(s.e.before);
    const [userId, measureId, day] = (s.e.entityId ?? "").split("|");
    const team = was[0]?.teamId ? ` for ${s.team(was[0].teamId)}` : "";
    return `${s.actor} cleared ${s.whose(userId)}${s.lead(measureId).name} on ${s.day(day)}${team}${was.length ? ` (was ${s.number(sum(was))})` : ""}.`;
  },
  "lead_cells.import": (s) => {
    const n = s.num("written") ?? 0;
    return `${s.actor} imported ${s.number(n)} lead ${plural(n, "entry", "entries")}${fromFile(s)}${replacing(s, s.num("replaced"))}.`;
  },

  // ---- lag observations
  "lag_observation.set": (s) => {
    const lag = s.lag(s.str("lagMeasureId"));
    const was = rows(s.e.before);
    const teamId = s.after.teamId;
    const where = `for ${s.lagPeriod(s.after.observedOn, lag)} (${teamId ? s.team(teamId) : "whole organization"})`;
    return was.length
      ? `${s.actor} changed the lag observation ${lag.name} ${where} from ${s.lagValue(was[0]!.value, lag)} to ${s.lagValue(s.after.value, lag)}${via(s)}.`
      : `${s.actor} added the lag observation ${lag.name} ${s.lagValue(s.after.value, lag)} ${where}${via(s)}.`;
  },
  "lag_observations.import": (s) => {
    const n = s.num("written") ?? 0;
    return `${s.actor} imported ${s.number(n)} lag ${plural(n, "observation")}${fromFile(s)}${replacing(s, s.num("replaced"))}.`;
  },

  // ---- check-ins
  "commitment.create": (s) => {
    const c = commitment(s);
    return `${s.actor} added ${c.whose ? `${c.whose}commitment` : "the commitment"} ${c.quoted}${c.team}.`;
  },
  "commitment.edit": (s) => {
    const c = commitment(s);
    const was = s.before.text;
    return typeof was === "string" && was !== s.after.text
      ? `${s.actor} changed the commitment ${quote(was)} to ${c.quoted}${c.team}.`
      : `${s.actor} changed the lead measure of the commitment ${c.quoted}${c.team}.`;
  },
  "commitment.delete": (s) => {
    const c = commitment(s);
    return `${s.actor} removed the commitment ${c.quoted}${c.team}.`;
  },
  "commitment.review": (s) => {
    const c = commitment(s);
    const reason = s.str("reason");
    return `${s.actor} marked ${c.whose ? `${c.whose}commitment` : "the commitment"} ${c.quoted} ${STATUS[s.str("status") ?? ""] ?? "reviewed"}${reason && s.after.status !== "DONE" ? ` (${quote(reason)})` : ""}${c.team}.`;
  },
  "check_in.meeting.start": (s) => `${s.actor} started ${s.team(s.str("teamId"))}'s check-in meeting for the week of ${s.day(s.str("weekStart"))}.`,
  "check_in.hold": (s) => {
    const minutes = s.num("durationMinutes");
    const team = s.str("teamId") ? `${s.team(s.str("teamId"))}'s` : "the";
    return `${s.actor} held ${team} check-in for the week of ${s.day(s.str("weekStart"))}${minutes != null ? ` (a ${minutes}-minute meeting)` : ""}.`;
  },

  // ---- ROI programs
  // ---- report share links
  "report.share.create": (s) => {
    const days = s.num("days");
    return `${s.actor} shared the report ${quote(s.str("report") ?? "?")} by a read-only link${days != null ? ` for ${s.number(days)} days` : ""}.`;
  },
  "report.share.revoke": (s) => `${s.actor} revoked a share link to the report ${quote(s.str("report") ?? "?")}; it no longer opens the report.`,
  "program.create": (s) => {
    const control = s.teams(s.after.controlTeamIds);
    const teams = s.teams(s.after.participantTeamIds);
    return `${s.actor} created the program ${quote(s.str("name") ?? "?")} starting ${s.date(s.after.startDate)}${teams ? ` with ${teams}` : ""}${control ? ` (control: ${control})` : ""}.`;
  },
  "program.update": (s) => `${s.actor} changed ${s.program(s.e.entityId, s.str("name"))}${withChanges(s.changes(PROGRAM))}.`,
  "program_cost.create": (s) => `${s.actor} added ${cost(s)} to ${s.program(s.str("programId"))}.`,
  "program_cost.delete": (s) => `${s.actor} removed ${cost(s)} from ${s.program(s.str("programId"))}.`,
  "program_benefit.create": (s) => `${s.actor} added the benefit ${quote(s.str("name") ?? "?")} to ${s.program(s.str("programId"))}.`,
  "program_benefit.delete": (s) => `${s.actor} removed the benefit ${quote(s.str("name") ?? "?")} from ${s.program(s.str("programId"))}.`,
  "program_intangible.create": (s) => `${s.actor} added the intangible benefit ${quote(s.str("name") ?? "?")} to ${s.program(s.str("programId"))}.`,
  "program_intangible.delete": (s) => `${s.actor} removed the intangible benefit ${quote(s.str("name") ?? "?")} from ${s.program(s.str("programId"))}.`,
};
