// The audit trail's events in plain words: "Alex Morgan made Sam Taylor a viewer (was member)",
// "Maria Lopez changed Coaching conversations on Tue 3 Nov for Tier 1 from 2 to 3". Pure: the
// caller hands in the actor's name and the names of the records the event points at
// (lib/domain/auditRefs.ts says which), looked up in one go for a page of events.
import { PHRASES } from "./auditPhrases";
import { Say, type AuditEventText, type AuditWords } from "./auditSay";

export type { AuditEventText, AuditWords } from "./auditSay";

/** True when the action has a sentence of its own (every action the services record must). */
export function hasAuditPhrase(action: string): boolean {
  return Object.hasOwn(PHRASES, action);
}

/** One sentence for the event; an action without a phrase still reads as one, by its name. */
export function describeAuditEvent(e: AuditEventText, words: AuditWords = {}): string {
  const phrase = hasAuditPhrase(e.action) ? PHRASES[e.action]! : null;
  if (phrase) return phrase(new Say(e, words));
  return `${e.actor} recorded “${e.action}” on ${recordTypeLabel(e.entityType).toLowerCase()}.`;
}

/** What kind of record an event is about, in words. */
const RECORD_TYPES: Record<string, string> = {
  Membership: "Person",
  User: "Account",
  Invitation: "Invitation",
  Organization: "Organization",
  SsoConnection: "Single sign-on",
  ApiToken: "API token",
  NotificationDefault: "Notification schedule",
  OutboxEmail: "Email",
  Job: "Background job",
  Team: "Team",
  LeadMeasure: "Lead measure",
  LeadTarget: "Lead target",
  LagMeasure: "Lag measure",
  LeadEntry: "Lead entry",
  LeadCell: "Lead entry",
  LagObservation: "Lag observation",
  Commitment: "Commitment",
  CheckIn: "Check-in",
  Program: "Program",
  ProgramCost: "Program cost",
  ProgramBenefit: "Program benefit",
  ProgramIntangible: "Program intangible benefit",
  ReportShare: "Report share link",
};

export function recordTypeLabel(entityType: string): string {
  return RECORD_TYPES[entityType] ?? entityType;
}

/** The audit page's record filter: a kind of record, and the entity types it covers. */
export const AUDIT_KINDS = {
  people: { label: "People, invitations and passwords", entityTypes: ["Membership", "Invitation", "User"] },
  teams: { label: "Teams", entityTypes: ["Team"] },
  measures: { label: "Measures and targets", entityTypes: ["LeadMeasure", "LeadTarget", "LagMeasure"] },
  entries: { label: "Lead entries", entityTypes: ["LeadEntry", "LeadCell"] },
  observations: { label: "Lag observations", entityTypes: ["LagObservation"] },
  checkIns: { label: "Check-ins and commitments", entityTypes: ["Commitment", "CheckIn"] },
  programs: { label: "ROI programs and report links", entityTypes: ["Program", "ProgramCost", "ProgramBenefit", "ProgramIntangible", "ReportShare"] },
  settings: {
    label: "Settings, API tokens, notifications and jobs",
    entityTypes: ["Organization", "ApiToken", "SsoConnection", "NotificationDefault", "OutboxEmail", "Job"],
  },
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === "string" && Object.hasOwn(AUDIT_KINDS, value);
}
