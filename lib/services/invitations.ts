import "server-only";
// Inviting people into an organization: one address, a pasted list or a CSV file, each with a
// role and teams; resending and revoking. Managers invite members and viewers, admins any role
// but owner. All or nothing: a request with any bad line is refused with every problem listed
// and writes nothing. People who are already members are reported, not invited; a pending
// invitation for the same address is resent (new link, new expiry) rather than duplicated.
// The link carries 32 random bytes; only their SHA-256 is stored. Emails go out after the
// transaction commits, so a refused batch never mails anyone. Invitation emails are rate limited
// per organization and per inviter (lib/auth/rateLimits.ts): each person invited or sent again
// counts, and a request that would pass a limit is refused whole (429 in the API).
import type { Db } from "@/lib/db/client";
import type { Invitation, Prisma } from "@/lib/generated/prisma/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { canGrantRole, requireGrantableRole, requireInviter } from "@/lib/auth/permissions";
import * as clock from "@/lib/clock";
import { readAddressList, readInviteeCsv, type Invitee } from "@/lib/csv/invitees";
import { CsvFileError, decodeCsv } from "@/lib/csv/parse";
import { invitationEmail } from "@/lib/email/invitation";
import { appOrigin } from "@/lib/env";
import { AppError, MAX_PROBLEMS, notFound, parseOrThrow, problemsMessage, validationError, type FieldErrors, type Problem } from "@/lib/errors";
import { invitationView, type InvitationView } from "@/lib/queries/invitationList";
import { emailSchema } from "@/lib/schemas/auth";
import { INVITABLE_ROLES, INVITATION_DAYS, MAX_INVITEES, inviteDefaultsSchema, inviteSchema, type InvitableRole } from "@/lib/schemas/invitations";
import { newLinkToken } from "@/lib/auth/linkTokens";
import { rateLimiterFor } from "@/lib/auth/rateLimits";
import { recordAudit } from "./audit";
import { sendEmail, type SendOptions } from "./email";

type Tx = Prisma.TransactionClient;

const MAX_CSV_BYTES = 1_000_000;
type Team = { id: string; name: string };

export type InviteResult = {
  /** New invitations. */
  invited: InvitationView[];
  /** Pending invitations of the same addresses, sent again with a new link. */
  resent: InvitationView[];
  /** Addresses of people who are already members (active or deactivated): not invited. */
  alreadyMembers: string[];
};

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** What an invitation request did, in one sentence for the form. */
export function inviteSummary(r: InviteResult): string {
  const parts: string[] = [];
  if (r.invited.length) parts.push(`Invited ${people(r.invited.length)}.`);
  if (r.resent.length) parts.push(`Sent the invitation again to ${people(r.resent.length)} already invited (their earlier link no longer works).`);
  if (r.alreadyMembers.length) parts.push(`Already members, not invited: ${r.alreadyMembers.join(", ")}.`);
  return parts.join(" ") || "No one to invite.";
}


export const invitationUrl = (token: string) => `${appOrigin()}/invitations/${token}`;

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
}

/** What the audit trail keeps of an invitation (never the token hash). */
const audited = (i: Invitation) => ({ email: i.email, role: i.role, teamIds: i.teamIds, status: i.status, expiresAt: i.expiresAt, sendCount: i.sendCount });

/** Invites the people of a pasted list, an array of addresses or one address (the form and the API). */
export async function inviteFromList(db: Db, ctx: TenantContext, raw: unknown, mail?: SendOptions): Promise<InviteResult> {
  requireInviter(ctx.role);
  const input = parseOrThrow(inviteSchema, raw);
  const invitees = readAddressList(input.emails);
  if (invitees.length === 0) throw validationError({ emails: ["Enter at least one email address."] });
  return invite(db, ctx, invitees, input, "emails", mail);
}

/** Invites the people of a CSV file (email, and optionally role and teams); `raw` holds the defaults. */
export async function inviteFromCsv(db: Db, ctx: TenantContext, csv: string | Uint8Array, raw: unknown, mail?: SendOptions): Promise<InviteResult> {
  requireInviter(ctx.role);
  const defaults = parseOrThrow(inviteDefaultsSchema, raw);
  if (csv.length > MAX_CSV_BYTES) throw validationError({ file: ["The file is larger than 1 MB; split it into smaller files."] });
  let text: string;
  try {
    text = typeof csv === "string" ? csv : decodeCsv(csv);
  } catch (err) {
    if (err instanceof CsvFileError) throw validationError({ file: [err.message] });
    throw err;
  }
  const file = readInviteeCsv(text);
  if (file.problems.length) {
    throw validationError({ file: file.problems.slice(0, 20).map((p) => (p.row ? `Row ${p.row}: ${p.message}` : p.message)) }, "The file cannot be read; nothing was sent.");
  }
  if (file.invitees.length === 0) throw validationError({ file: ["The file lists no one to invite."] });
  return invite(db, ctx, file.invitees, defaults, "file", mail);
}

type Checked = { email: string; role: InvitableRole; teamIds: string[] };

/** Each invitee's address, role and teams checked against the organization; every problem found. */
async function check(db: Db, ctx: TenantContext, invitees: Invitee[], defaults: { role: InvitableRole; teamIds: string[] }, field: string) {
  if (invitees.length > MAX_INVITEES) throw validationError({ [field]: [`Invite at most ${MAX_INVITEES} people at a time (this lists ${invitees.length}).`] });
  requireGrantableRole(ctx.role, defaults.role);
  const teams = await db.team.findMany({ where: { organizationId: ctx.organizationId, archivedAt: null }, select: { id: true, name: true } });
  const byKey = new Map<string, Team>();
  for (const t of teams) byKey.set(t.id, t).set(t.name.trim().toLowerCase(), t);
  if (defaults.teamIds.some((id) => !byKey.has(id))) throw validationError({ teamIds: ["Choose teams of this organization that are not archived."] });

  const problems: Problem[] = [];
  const people = new Map<string, Checked>();
  for (const inv of invitees) {
    const fail = (message: string) => problems.push({ index: inv.index, field, message: `${inv.at}: ${message}` });
    const email = emailSchema.safeParse(inv.email);
    if (!email.success) fail(inv.email ? `${inv.email} is not an email address.` : "No email address.");
    let role = defaults.role;
    if (inv.role) {
      const wanted = inv.role.trim().toUpperCase();
      if (!(INVITABLE_ROLES as readonly string[]).includes(wanted)) fail(`"${inv.role}" is not a role: use admin, manager, member or viewer.`);
      else if (!canGrantRole(ctx.role, wanted as InvitableRole)) fail(`You cannot give the ${wanted.toLowerCase()} role.`);
      else role = wanted as InvitableRole;
    }
    const teamIds = inv.teams
      ? inv.teams.flatMap((name) => {
          const team = byKey.get(name) ?? byKey.get(name.toLowerCase());
          if (!team) fail(`No active team is called "${name}".`);
          return team ? [team.id] : [];
        })
      : defaults.teamIds;
    // The same person twice: the first line counts.
    if (email.success && !people.has(email.data)) people.set(email.data, { email: email.data, role, teamIds: [...new Set(teamIds)] });
  }
  if (problems.length) {
    const n = problems.length;
    throw new AppError("validation_failed", problemsMessage(n, "no one was invited"), {
      fieldErrors: { [field]: problems.slice(0, 20).map((p) => p.message).concat(n > 20 ? [`…and ${n - 20} more.`] : []) } satisfies FieldErrors,
      problems: problems.slice(0, MAX_PROBLEMS),
      problemCount: n,
    });
  }
  return { people: [...people.values()], teams };
}

type Sent = { row: Invitation; token: string };

async function invite(
  db: Db,
  ctx: TenantContext,
  invitees: Invitee[],
  defaults: { role: InvitableRole; teamIds: string[] },
  field: string,
  mail?: SendOptions,
): Promise<InviteResult> {
  const { people, teams } = await check(db, ctx, invitees, defaults, field);
  const organizationId = ctx.organizationId;
  await limitInvitations(db, ctx, people.length);
  const now = clock.now();
  const emails = people.map((p) => p.email);
  const { invited, resent, alreadyMembers } = await db.$transaction(async (tx) => {
    // Invitations of one organization take turns, so two requests naming the same address cannot
    // both find no pending invitation and create two.
    await tx.$executeRaw`SELECT 1 FROM "Organization" WHERE id = ${organizationId}::uuid FOR NO KEY UPDATE`;
    const members = await tx.membership.findMany({
      where: { organizationId, removedAt: null, user: { email: { in: emails } } },
      select: { user: { select: { email: true } } },
    });
    const memberEmails = new Set(members.map((m) => m.user.email));
    const pending = await tx.invitation.findMany({ where: { organizationId, status: "PENDING", email: { in: emails } }, orderBy: { createdAt: "desc" } });
    const pendingByEmail = new Map<string, Invitation>();
    for (const p of pending) if (!pendingByEmail.has(p.email)) pendingByEmail.set(p.email, p);
    const invited: Sent[] = [];
    const resent: Sent[] = [];
    for (const person of people) {
      if (memberEmails.has(person.email)) continue;
      const { token, tokenHash } = newLinkToken();
      const earlier = pendingByEmail.get(person.email);
      const fields = { role: person.role, teamIds: person.teamIds, tokenHash, expiresAt: expiryFrom(now), lastSentAt: now, invitedById: ctx.userId };
      if (earlier) {
        const row = await tx.invitation.update({
          where: { organizationId_id: { organizationId, id: earlier.id } },
          data: { ...fields, sendCount: { increment: 1 } },
        });
        await recordAudit(tx, ctx, { action: "invitation.resend", entityType: "Invitation", entityId: row.id, before: audited(earlier), after: audited(row) });
        resent.push({ row, token });
      } else {
        const row = await tx.invitation.create({ data: { organizationId, email: person.email, ...fields } });
        await recordAudit(tx, ctx, { action: "invitation.create", entityType: "Invitation", entityId: row.id, after: audited(row) });
        invited.push({ row, token });
      }
    }
    return { invited, resent, alreadyMembers: emails.filter((e) => memberEmails.has(e)) };
  }, { timeout: 60_000 });
  await mailInvitations(db, ctx, [...invited, ...resent], teams, mail);
  return { invited: invited.map((s) => invitationView(s.row, now)), resent: resent.map((s) => invitationView(s.row, now)), alreadyMembers };
}

/** Sends each invitation's email, after the rows are committed. */
async function mailInvitations(db: Db, ctx: TenantContext, sent: Sent[], teams: Team[], mail?: SendOptions): Promise<void> {
  if (sent.length === 0) return;
  // An API token acts for its creator; one whose creator is gone invites in the organization's name.
  const inviter = await db.user.findUnique({ where: { id: ctx.userId }, select: { name: true } });
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const org = ctx.organization;
  for (const { row, token } of sent) {
    const message = invitationEmail({
      to: row.email,
      inviterName: inviter?.name ?? org.name,
      organizationName: org.name,
      role: row.role,
      teamNames: row.teamIds.flatMap((id) => teamName.get(id) ?? []),
      url: invitationUrl(token),
      expiresAt: row.expiresAt,
      locale: org.locale,
      timeZone: org.timeZone,
    });
    await sendEmail(db, ctx.organizationId, message, mail);
  }
}

/** An invitation of the caller's organization that the caller may manage (its role is one they could give). */
async function manageable(tx: Tx, ctx: TenantContext, id: string): Promise<Invitation> {
  requireInviter(ctx.role);
  const row = await tx.invitation.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id } } });
  if (!row) throw notFound("Invitation not found.");
  requireGrantableRole(ctx.role, row.role);
  return row;
}

const settled = (row: Invitation) =>
  new AppError("conflict", row.status === "ACCEPTED" ? `${row.email} already accepted this invitation.` : `This invitation to ${row.email} was revoked; invite them again instead.`);

/** Counts `emails` invitation emails of the organization and the inviter; refuses beyond a limit. */
async function limitInvitations(db: Db, ctx: TenantContext, emails: number): Promise<void> {
  if (emails > 0) await rateLimiterFor(db).take({ invitationsPerOrganization: ctx.organizationId, invitationsPerInviter: ctx.userId }, emails);
}

/** Sends a pending (or expired) invitation again: a new link and a new expiry; the old link stops working. */
export async function resendInvitation(db: Db, ctx: TenantContext, id: string, mail?: SendOptions): Promise<InvitationView> {
  requireInviter(ctx.role);
  await limitInvitations(db, ctx, 1);
  const now = clock.now();
  const { token, tokenHash } = newLinkToken();
  const row = await db.$transaction(async (tx) => {
    const before = await manageable(tx, ctx, id);
    if (before.status !== "PENDING") throw settled(before);
    const row = await tx.invitation.update({
      where: { organizationId_id: { organizationId: ctx.organizationId, id } },
      data: { tokenHash, expiresAt: expiryFrom(now), lastSentAt: now, sendCount: { increment: 1 } },
    });
    await recordAudit(tx, ctx, { action: "invitation.resend", entityType: "Invitation", entityId: id, before: audited(before), after: audited(row) });
    return row;
  });
  const teams = await db.team.findMany({ where: { organizationId: ctx.organizationId, id: { in: row.teamIds } }, select: { id: true, name: true } });
  await mailInvitations(db, ctx, [{ row, token }], teams, mail);
  return invitationView(row, now);
}

/** Revokes a pending invitation: its link stops working. Revoking a revoked one changes nothing. */
export async function revokeInvitation(db: Db, ctx: TenantContext, id: string): Promise<InvitationView> {
  const now = clock.now();
  const row = await db.$transaction(async (tx) => {
    const before = await manageable(tx, ctx, id);
    if (before.status === "REVOKED") return before;
    if (before.status === "ACCEPTED") throw settled(before);
    const row = await tx.invitation.update({
      where: { organizationId_id: { organizationId: ctx.organizationId, id } },
      data: { status: "REVOKED", revokedAt: now },
    });
    await recordAudit(tx, ctx, { action: "invitation.revoke", entityType: "Invitation", entityId: id, before: audited(before), after: audited(row) });
    return row;
  });
  return invitationView(row, now);
}
