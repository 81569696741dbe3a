// Two organizations with something of everything in each, for the isolation suite: teams,
// measures, entries, lag observations, a program with its lines, a report and its export,
// commitments, a check-in, an invitation, an outbox email, an API token, and a person of every
// role. Their names are distinct markers, so a response that shows any of them is a leak; and a
// fingerprint of every row an organization owns proves a hostile request wrote nothing.
import { randomBytes } from "node:crypto";
import { loadTenantContext } from "@/lib/auth/loadContext";
import { startSession } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/client";
import { TENANT_MODELS } from "@/lib/db/tenantGuard";
import { addDays, localDay } from "@/lib/domain/calendar/weeks";
import { Role } from "@/lib/generated/prisma/enums";
import {
  addMembership,
  createLagMeasure,
  createLagObservations,
  createLeadEntries,
  createOrgWithTeam,
  createTeam,
  createUser,
  utcDate,
} from "@/lib/seed/factories";
import { API_SCOPES, createApiToken } from "@/lib/services/apiTokens";
import { addCost, addIntangible, saveProgram } from "@/lib/services/programs";

export type Person = { id: string; email: string; name: string };

export type World = {
  organizationId: string;
  name: string;
  /** One person of each role; the manager and the member are on `teamId`. */
  people: Record<Role, Person>;
  teamId: string;
  /** A team nobody is on. */
  otherTeamId: string;
  leadMeasureId: string;
  lagMeasureId: string;
  /** The manager's entry (the member's is `memberEntryId`). */
  entryId: string;
  memberEntryId: string;
  lagObservationId: string;
  programId: string;
  costId: string;
  intangibleId: string;
  reportId: string;
  /** A share link to the report (its token is not kept: only its hash is stored). */
  shareId: string;
  exportId: string;
  commitmentId: string;
  invitationId: string;
  emailId: string;
  /** The owner's in-app notification and a (failed) digest email in the send log. */
  notificationId: string;
  sendId: string;
  tokenId: string;
  /** A full-scope API token. */
  token: string;
  /** A signed-in browser of the owner's. */
  ownerSessionId: string;
  /** Every name, email and id above: none may appear in another organization's answers. */
  markers: string[];
};

/** Yesterday in UTC (the factories' organizations use UTC). */
export const yesterday = () => addDays(localDay(new Date(), "UTC"), -1);

export async function seedWorld(db: Db, label: string): Promise<World> {
  const suffix = randomBytes(3).toString("hex");
  const base = await createOrgWithTeam(db, { orgName: `Org ${label} ${suffix}`, teamName: `Team ${label} ${suffix}` });
  const organizationId = base.organizationId;
  const person = async (role: Role) => {
    const u = await createUser(db, { name: `${role} ${label} ${suffix}`, email: `${role.toLowerCase()}-${label.toLowerCase()}-${suffix}@example.test` });
    await addMembership(db, organizationId, u.id, role);
    return { id: u.id, email: u.email, name: u.name };
  };
  const people: Record<Role, Person> = {
    OWNER: await person(Role.OWNER),
    ADMIN: await person(Role.ADMIN),
    MANAGER: base.manager,
    MEMBER: base.member,
    VIEWER: await person(Role.VIEWER),
  };
  const owner = (await loadTenantContext(db, people.OWNER.id, organizationId))!;
  const otherTeam = await createTeam(db, organizationId, { name: `Quiet team ${label} ${suffix}` });
  const lag = await createLagMeasure(db, organizationId, { name: `Churn ${label} ${suffix}` });
  const day = yesterday();
  const [entry, memberEntry] = await Promise.all(
    [people.MANAGER, people.MEMBER].map(async (p, i) => {
      await createLeadEntries(db, organizationId, [
        { teamId: base.teamId, leadMeasureId: base.leadMeasureId, userId: p.id, entryDate: utcDate(day), value: 3 + i, note: `note ${label} ${suffix}` },
      ]);
      return db.leadEntry.findFirstOrThrow({ where: { organizationId, userId: p.id } });
    }),
  );
  await createLagObservations(db, organizationId, [{ lagMeasureId: lag.id, observedOn: utcDate(day), value: 71, note: `lag note ${label} ${suffix}` }]);
  const observation = await db.lagObservation.findFirstOrThrow({ where: { organizationId } });
  const program = await saveProgram(db, owner, null, { name: `Program ${label} ${suffix}`, startDate: "2025-01-06", participantTeamIds: [base.teamId] });
  const cost = await addCost(db, owner, program.id, { category: "DELIVERY", description: `Fee ${label} ${suffix}`, incurredOn: "2025-01-06", amount: "6000" });
  const intangible = await addIntangible(db, owner, program.id, { name: `Morale ${label} ${suffix}`, note: "" });
  const report = await db.report.create({
    data: {
      organizationId,
      scope: "ORGANIZATION",
      quarter: "2025-Q1",
      title: `Report ${label} ${suffix}`,
      periodStart: utcDate("2025-01-01"),
      periodEnd: utcDate("2025-03-31"),
      asOf: utcDate("2025-04-01"),
      version: 1,
      snapshot: { quarter: { label: "Q1 2025", complete: true } },
      snapshotSha256: "0".repeat(64),
      pdfSha256: "0".repeat(64),
      pdfPages: 1,
    },
  });
  const share = await db.reportShare.create({
    data: { organizationId, reportId: report.id, tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 30 * 86_400_000), createdById: people.OWNER.id },
  });
  const exported = await db.reportExport.create({
    data: { organizationId, scope: "ORGANIZATION", quarter: "2025-Q1", status: "SUCCEEDED", progress: 1, stage: "Done", reportId: report.id },
  });
  const commitment = await db.commitment.create({
    data: { organizationId, teamId: base.teamId, userId: people.MEMBER.id, weekStart: utcDate(addDays(day, -14)), text: `Promise ${label} ${suffix}`, leadMeasureId: base.leadMeasureId },
  });
  await db.checkIn.create({ data: { organizationId, teamId: base.teamId, weekStart: utcDate(addDays(day, -21)), notes: `Held ${label} ${suffix}` } });
  const invitation = await db.invitation.create({
    data: {
      organizationId,
      email: `invitee-${label.toLowerCase()}-${suffix}@example.test`,
      tokenHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
  const email = await db.outboxEmail.create({
    data: { organizationId, kind: "invitation", to: invitation.email, subject: `Join ${label} ${suffix}`, text: "Join us", html: "<p>Join us</p>", status: "FAILED", error: "no server" },
  });
  const created = await createApiToken(db, owner, { name: `token ${label} ${suffix}`, scopes: [...API_SCOPES] });
  const tokenRow = await db.apiToken.findFirstOrThrow({ where: { organizationId } });
  const ownerSessionId = await startSession(db, people.OWNER.id, "password");
  const notification = await db.notification.create({
    data: { organizationId, userId: people.OWNER.id, kind: "MANAGER_DIGEST", title: `Digest ${label} ${suffix}`, body: "At risk: nobody", url: "http://leadlag.test/dashboard" },
  });
  const send = await db.notificationSend.create({
    data: {
      organizationId,
      kind: "MANAGER_DIGEST",
      periodKey: "2026-01-12",
      channel: "EMAIL",
      recipient: `user:${people.OWNER.id}`,
      userId: people.OWNER.id,
      address: people.OWNER.email,
      message: { note: { kind: "MANAGER_DIGEST", title: `Digest ${label} ${suffix}`, lines: ["At risk: nobody"], action: { label: "Open", url: "http://leadlag.test/dashboard" } } },
      status: "FAILED",
      attempts: 5,
      error: "no server",
      claimedAt: new Date(),
    },
  });

  const world: Omit<World, "markers"> = {
    organizationId,
    name: `Org ${label} ${suffix}`,
    people,
    teamId: base.teamId,
    otherTeamId: otherTeam.id,
    leadMeasureId: base.leadMeasureId,
    lagMeasureId: lag.id,
    entryId: entry!.id,
    memberEntryId: memberEntry!.id,
    lagObservationId: observation.id,
    programId: program.id,
    costId: cost.id,
    intangibleId: intangible.id,
    reportId: report.id,
    shareId: share.id,
    exportId: exported.id,
    commitmentId: commitment.id,
    invitationId: invitation.id,
    emailId: email.id,
    notificationId: notification.id,
    sendId: send.id,
    tokenId: tokenRow.id,
    token: created.token,
    ownerSessionId,
  };
  const strings = (v: unknown): string[] =>
    typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];
  // Every value is a marker of this organization, and so is each distinctive name (with the suffix).
  const markers = [...strings(world), invitation.email, `${label} ${suffix}`].filter((s) => s.length >= 8);
  return { ...world, markers };
}

/**
 * A digest of every row organization `w` owns — each tenant table, the organization itself, its
 * people's accounts and the owner's session — so a write anywhere shows as a change.
 */
export async function fingerprint(db: Db, w: World): Promise<Record<string, string>> {
  const tables = TENANT_MODELS.map(
    (m) => `SELECT '${m}' AS t, count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${m}" x WHERE x."organizationId" = $1::uuid`,
  );
  const ids = Object.values(w.people).map((p) => p.id);
  const rows = await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(
    [
      ...tables,
      `SELECT 'Organization', count(*)::int, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "Organization" x WHERE x.id = $1::uuid`,
      `SELECT 'User', count(*)::int, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "User" x WHERE x.id = ANY($2::uuid[])`,
      `SELECT 'UserSession', count(*)::int, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM (SELECT id, "revokedAt", "expiresAt" FROM "UserSession" WHERE id = $3::uuid) x`,
    ].join(" UNION ALL "),
    w.organizationId,
    ids,
    w.ownerSessionId,
  );
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}
