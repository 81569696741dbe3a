import { describe, expect, it } from "vitest";
import { auditRefs, refKey, type AuditName } from "./auditRefs";
import { describeAuditEvent, isAuditKind, recordTypeLabel } from "./auditText";

const event = (action: string, before: unknown, after: unknown, subject: string | null = "Sam Taylor") => ({
  action,
  entityType: "Membership",
  actor: "Alex Morgan",
  subject,
  before,
  after,
});

// Ids as a page's one lookup resolves them.
const MARIA = "11111111-1111-4111-8111-111111111111";
const SAM = "22222222-2222-4222-8222-222222222222";
const TIER1 = "33333333-3333-4333-8333-333333333333";
const TIER2 = "44444444-4444-4444-8444-444444444444";
const COACHING = "55555555-5555-4555-8555-555555555555";
const CSAT = "66666666-6666-4666-8666-666666666666";
const PROGRAM = "77777777-7777-4777-8777-777777777777";
const GONE = "88888888-8888-4888-8888-888888888888";
const names = new Map<string, AuditName>([
  [refKey("person", MARIA), { name: "Maria Lopez" }],
  [refKey("person", SAM), { name: "Sam Lee" }],
  [refKey("team", TIER1), { name: "Tier 1" }],
  [refKey("team", TIER2), { name: "Tier 2" }],
  [refKey("lead", COACHING), { name: "Coaching conversations", unit: "" }],
  [refKey("lag", CSAT), { name: "CSAT", unit: "%", cadence: "MONTHLY" }],
  [refKey("program", PROGRAM), { name: "Coaching pilot" }],
]);
const words = { names, locale: "en-GB", currency: "GBP" };
const by = (actorId: string, actor: string) => ({ actorId, actor });
const say = (e: { action: string; entityType: string; entityId?: string; actorId?: string; actor: string; before?: unknown; after?: unknown }) =>
  describeAuditEvent({ before: null, after: null, ...e }, words);

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

  it("falls back to the name or email recorded in the event", () => {
    expect(describeAuditEvent(event("membership.remove", { name: "Former Person" }, {}, null))).toBe("Alex Morgan removed Former Person from the organization.");
    expect(describeAuditEvent({ ...event("invitation.create", null, { email: "new@example.test", role: "MANAGER" }), entityType: "Invitation" })).toBe(
      "Alex Morgan invited new@example.test as a manager.",
    );
  });

  it("tells a grid change with the person, measure, day and team by name, in the organization's locale", () => {
    const cell = { entityType: "LeadCell", entityId: `${MARIA}|${COACHING}|2026-11-03` };
    const after = { userId: MARIA, teamId: TIER1, leadMeasureId: COACHING, entryDate: "2026-11-03", value: 3, source: "MANUAL" };
    const before = [{ teamId: TIER1, userId: MARIA, leadMeasureId: COACHING, entryDate: "2026-11-03", value: 2 }];
    expect(say({ action: "lead_cell.set", ...cell, ...by(MARIA, "Maria Lopez"), before, after })).toBe(
      "Maria Lopez changed Coaching conversations on Tue 3 Nov for Tier 1 from 2 to 3.",
    );
    expect(say({ action: "lead_cell.set", ...cell, ...by(SAM, "Sam Lee"), after: { ...after, value: 1234.5 } })).toBe(
      "Sam Lee set Maria Lopez's Coaching conversations on Tue 3 Nov for Tier 1 to 1,234.5.",
    );
    expect(describeAuditEvent({ action: "lead_cell.set", ...cell, ...by(MARIA, "Maria Lopez"), before, after }, { ...words, locale: "de-DE" })).toBe(
      "Maria Lopez changed Coaching conversations on Di., 3. Nov. for Tier 1 from 2 to 3.",
    );
    expect(say({ action: "lead_cell.clear", ...cell, ...by(MARIA, "Maria Lopez"), before })).toBe("Maria Lopez cleared Coaching conversations on Tue 3 Nov for Tier 1 (was 2).");
  });

  it("tells a lag result in the measure's unit, for its period and team", () => {
    const after = { lagMeasureId: CSAT, teamId: TIER2, observedOn: "2026-11-01", value: 91.2, id: GONE, source: "MANUAL" };
    expect(say({ action: "lag_observation.set", entityType: "LagObservation", entityId: GONE, ...by(SAM, "Sam Lee"), after })).toBe(
      "Sam Lee added the lag observation CSAT 91.2% for Nov 2026 (Tier 2).",
    );
    expect(say({ action: "lag_observation.set", entityType: "LagObservation", entityId: GONE, ...by(SAM, "Sam Lee"), before: { rows: [{ value: 90 }] }, after })).toBe(
      "Sam Lee changed the lag observation CSAT for Nov 2026 (Tier 2) from 90% to 91.2%.",
    );
  });

  it("tells imports by their count and file", () => {
    expect(say({ action: "lead_cells.import", entityType: "LeadCell", entityId: "csv:x.csv", actor: "Sam Lee", after: { cells: 1300, written: 1204, replaced: 12, source: "CSV" } })).toBe(
      "Sam Lee imported 1,204 lead entries from the file x.csv, replacing 12 earlier.",
    );
    expect(say({ action: "lag_observations.import", entityType: "LagObservation", entityId: "csv:lag.csv", actor: "Sam Lee", after: { written: 1, replaced: 0 } })).toBe(
      "Sam Lee imported 1 lag observation from the file lag.csv.",
    );
  });

  it("falls back to the name a deleted record's event kept, else says it was deleted", () => {
    expect(say({ action: "team.members.remove", entityType: "Team", entityId: GONE, actor: "Alex", before: { team: "Night Shift", userId: GONE, name: "Old Timer" } })).toBe(
      "Alex took Old Timer off Night Shift.",
    );
    expect(say({ action: "lead_target.change", entityType: "LeadTarget", entityId: GONE, actor: "Alex", before: { teamId: GONE, weeklyTarget: 15 }, after: { teamId: GONE, leadMeasureId: COACHING, weeklyTarget: 20, effectiveFrom: "2026-11-16T00:00:00.000Z" } })).toBe(
      "Alex set the weekly target of a deleted team for Coaching conversations to 20 from the week of Mon 16 Nov (was 15).",
    );
    expect(say({ action: "program_cost.delete", entityType: "ProgramCost", entityId: GONE, actor: "Alex", before: { programId: GONE, category: "DELIVERY", description: "Trainer", amount: 1200 } })).toBe(
      "Alex removed a cost of £1,200 (delivery: Trainer) from a deleted program.",
    );
  });

  it("tells commitments by their text, cut short when long, with whose they are", () => {
    const long = "Call back every customer who waited more than two days for an answer last week";
    expect(say({ action: "commitment.delete", entityType: "Commitment", ...by(SAM, "Alex"), before: { text: long, teamId: TIER1, userId: SAM, weekStart: "2026-11-16" } })).toBe(
      "Alex removed the commitment “Call back every customer who waited more than two days for…” (Tier 1, week of Mon 16 Nov).",
    );
    expect(say({ action: "commitment.review", entityType: "Commitment", ...by(MARIA, "Maria Lopez"), after: { text: "Call two", userId: SAM, teamId: TIER1, weekStart: "2026-11-16", status: "NOT_DONE", reason: "Off sick" } })).toBe(
      "Maria Lopez marked Sam Lee's commitment “Call two” not done (“Off sick”) (Tier 1, week of Mon 16 Nov).",
    );
  });

  it("lists what changed in the settings, from what to what", () => {
    expect(
      say({ action: "organization.update", entityType: "Organization", actor: "Alex", before: { name: "Acme", currency: "GBP", weekStartsOn: 1 }, after: { name: "Acme", currency: "EUR", weekStartsOn: 0 } }),
    ).toBe("Alex changed the organization's settings: weeks starting on from Monday to Sunday; currency from GBP to EUR.");
  });

  it("tells a program's changes, amounts in the organization's currency", () => {
    expect(
      say({ action: "program.update", entityType: "Program", entityId: PROGRAM, actor: "Alex", before: { name: "Coaching pilot", startDate: "2026-09-01T00:00:00.000Z", averageSalary: 30000 }, after: { name: "Coaching pilot", startDate: "2026-09-01", averageSalary: 32000 } }),
    ).toBe("Alex changed the program “Coaching pilot”: average salary from £30,000 to £32,000.");
  });

  it("says who answers for a lag measure, and who was left without one when a member was removed", () => {
    const lag = { action: "lag_measure.update", entityType: "LagMeasure", entityId: CSAT, actor: "Alex" };
    expect(say({ ...lag, before: { name: "CSAT", ownerId: null }, after: { name: "CSAT", ownerId: MARIA } })).toBe("Alex changed the lag measure CSAT: owner from nobody to Maria Lopez.");
    expect(say({ ...lag, before: { name: "CSAT", ownerId: MARIA }, after: { name: "CSAT", ownerId: SAM } })).toBe("Alex changed the lag measure CSAT: owner from Maria Lopez to Sam Lee.");
    expect(say({ ...lag, before: { name: "CSAT", ownerId: SAM }, after: { name: "CSAT", ownerId: null } })).toBe("Alex changed the lag measure CSAT: owner from Sam Lee to nobody.");
    expect(say({ ...lag, before: { name: "CSAT", ownerId: SAM }, after: { name: "CSAT", ownerId: SAM } })).toBe("Alex changed the lag measure CSAT.");
    expect(say({ action: "lag_measure.create", entityType: "LagMeasure", entityId: CSAT, actor: "Alex", after: { name: "CSAT", ownerId: SAM } })).toBe(
      "Alex created the lag measure CSAT, owned by Sam Lee.",
    );
    expect(say({ action: "membership.remove", entityType: "Membership", entityId: SAM, actor: "Alex", before: { name: "Sam Lee", ownedLagMeasureIds: [CSAT] } })).toBe(
      "Alex removed Sam Lee from the organization, leaving CSAT with no owner.",
    );
  });

  it("tells what happened to a team, by the names the event recorded", () => {
    const team = (action: string, before: unknown, after: unknown) => describeAuditEvent({ ...event(action, before, after, null), entityType: "Team" });
    expect(team("team.rename", { name: "Tier 1" }, { name: "Tier One" })).toBe("Alex Morgan renamed the team Tier 1 to Tier One.");
    expect(team("team.archive", { name: "Night Shift", archivedAt: null }, { name: "Night Shift" })).toBe("Alex Morgan archived the team Night Shift.");
    expect(team("team.members.add", null, { team: "Billing", people: [{ userId: "u1", name: "Ana" }, { userId: "u2", name: "Ben" }] })).toBe(
      "Alex Morgan added Ana and Ben to Billing.",
    );
    expect(team("team.measure.track", null, { team: "Billing", measure: "Callbacks", weeklyTarget: 20 })).toBe(
      "Alex Morgan had Billing track Callbacks with a target of 20 a week.",
    );
  });

  it("collects every id a page of events names, for one lookup", () => {
    const refs = auditRefs([
      { actorId: MARIA, entityType: "LeadCell", entityId: `${SAM}|${COACHING}|2026-11-03`, before: [{ teamId: TIER1 }], after: null },
      { actorId: null, entityType: "Program", entityId: PROGRAM, before: null, after: { participantTeamIds: [TIER2], name: "x" } },
      { actorId: null, entityType: "LeadCell", entityId: "csv:x.csv", before: null, after: { written: 3 } },
    ]);
    expect([...(refs.get("person") ?? [])].sort()).toEqual([MARIA, SAM].sort());
    expect([...(refs.get("team") ?? [])].sort()).toEqual([TIER1, TIER2].sort());
    expect([...(refs.get("lead") ?? [])]).toEqual([COACHING]);
    expect([...(refs.get("program") ?? [])]).toEqual([PROGRAM]);
  });

  it("knows its filter kinds and record types", () => {
    expect(isAuditKind("people")).toBe(true);
    expect(isAuditKind("toString")).toBe(false);
    expect(recordTypeLabel("LeadCell")).toBe("Lead entry");
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
