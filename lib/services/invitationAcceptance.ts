import "server-only";
// Accepting an invitation. The link's token names the invitation and the invitation alone names
// the organization, so a link of organization A can never let anyone into B. In one
// transaction: the invitation is claimed (only while pending and unexpired, so a link works
// once), the person gets a membership with the invitation's role and joins its teams that still
// exist, and the acceptance is audited. Someone new chooses a name and password; someone with an
// account must be signed in with the invited address.
// Membership rules: a person removed from the organization is restored by a new invitation
// (removal and any deactivation are cleared: the invitation is a deliberate re-admission); a
// deactivated member is not: an admin reactivates them in People, and their link stays unused.
// A person who is already a member keeps their role (roles change in People) and joins the teams.
// Given the caller's IP address, links that name no invitation count against it (token guessing,
// lib/auth/rateLimits.ts); past the limit, acceptance is refused before the link is looked up.
import type { Db } from "@/lib/db/client";
import { Prisma, type Invitation } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import * as clock from "@/lib/clock";
import { AppError, forbidden, parseOrThrow, validationError } from "@/lib/errors";
import { acceptAsNewPersonSchema } from "@/lib/schemas/invitations";
import { passwordProblem } from "@/lib/schemas/passwordStrength";
import { hashLinkToken } from "@/lib/auth/linkTokens";
import { rateLimiterFor } from "@/lib/auth/rateLimits";
import { recordAudit } from "./audit";

type Tx = Prisma.TransactionClient;

export type Joined = { user: { id: string; name: string; email: string }; organizationId: string; teamIds: string[] };

const GONE: Record<string, string> = {
  unknown: "This invitation link is not valid. Ask the person who invited you for a new one.",
  ACCEPTED: "This invitation was already used. Sign in to continue.",
  REVOKED: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  expired: "This invitation has expired. Ask the person who invited you to send it again.",
};
const gone = (why: keyof typeof GONE) => new AppError("conflict", GONE[why]!, { reason: why });

/** The pending, unexpired invitation of this token, claimed for this transaction (a second use waits, then fails). */
async function claim(tx: Tx, token: string): Promise<Invitation> {
  const row = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!row) throw gone("unknown");
  if (row.status !== "PENDING") throw gone(row.status);
  const now = clock.now();
  if (row.expiresAt <= now) throw gone("expired");
  // Conditional on still being pending: of two acceptances racing, one updates and one finds nothing.
  const { count } = await tx.invitation.updateMany({
    where: { organizationId: row.organizationId, id: row.id, status: "PENDING", tokenHash: row.tokenHash },
    data: { status: "ACCEPTED", acceptedAt: now },
  });
  if (count !== 1) throw gone("ACCEPTED");
  return row;
}

/** Puts the person on the invitation's teams that still exist; returns their ids. */
async function joinTeams(tx: Tx, inv: Invitation, userId: string): Promise<string[]> {
  if (inv.teamIds.length === 0) return [];
  const teams = await tx.team.findMany({ where: { organizationId: inv.organizationId, id: { in: inv.teamIds }, archivedAt: null }, select: { id: true } });
  const teamIds = teams.map((t) => t.id);
  if (teamIds.length) {
    await tx.teamMember.createMany({ data: teamIds.map((teamId) => ({ organizationId: inv.organizationId, teamId, userId })), skipDuplicates: true });
  }
  return teamIds;
}

async function finish(tx: Tx, inv: Invitation, user: Joined["user"], how: string): Promise<Joined> {
  const teamIds = await joinTeams(tx, inv, user.id);
  await tx.invitation.update({ where: { organizationId_id: { organizationId: inv.organizationId, id: inv.id } }, data: { acceptedById: user.id } });
  await recordAudit(tx, { organizationId: inv.organizationId, userId: user.id }, {
    action: "invitation.accept",
    entityType: "Invitation",
    entityId: inv.id,
    before: { status: inv.status, email: inv.email },
    after: { status: "ACCEPTED", email: inv.email, role: inv.role, teamIds, how },
  });
  return { user, organizationId: inv.organizationId, teamIds };
}

/** Runs an acceptance within the per-address limit of unknown links (no `ip`: no limit). */
async function withinTokenLimit<T>(db: Db, ip: string | undefined, accept: () => Promise<T>): Promise<T> {
  if (ip === undefined) return accept();
  const limiter = rateLimiterFor(db);
  await limiter.check({ invitationTokenIp: ip });
  try {
    return await accept();
  } catch (err) {
    if (err instanceof AppError && err.details?.reason === "unknown") await limiter.fail({ invitationTokenIp: ip });
    throw err;
  }
}

const HAS_ACCOUNT = "An account with this email already exists. Sign in, then open the invitation link again to join.";

/** Someone without an account accepts: a new user with the invited address, a name and a password. */
export async function acceptAsNewPerson(db: Db, token: string, raw: unknown, ip?: string): Promise<Joined> {
  return withinTokenLimit(db, ip, () => acceptNew(db, token, raw));
}

async function acceptNew(db: Db, token: string, raw: unknown): Promise<Joined> {
  const input = parseOrThrow(acceptAsNewPersonSchema, raw);
  // The address is checked against the password before the slow hash; the claim re-reads it.
  const peek = await db.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) }, select: { email: true } });
  const problem = passwordProblem(input.password, [input.name, peek?.email ?? ""]);
  if (problem) throw validationError({ password: [problem] });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const inv = await claim(tx, token);
      if (await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } })) throw new AppError("conflict", HAS_ACCOUNT, { reason: "account_exists" });
      const now = clock.now();
      const user = await tx.user.create({ data: { email: inv.email, name: input.name, passwordHash, passwordChangedAt: now }, select: { id: true, name: true, email: true } });
      await tx.membership.create({ data: { organizationId: inv.organizationId, userId: user.id, role: inv.role } });
      return finish(tx, inv, user, "new account");
    });
  } catch (err) {
    // The address got an account between the check and the insert.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("conflict", HAS_ACCOUNT, { reason: "account_exists" });
    throw err;
  }
}

/** A signed-in person accepts with one click; the invitation must be for their address. */
export async function acceptAsSignedIn(db: Db, token: string, user: Joined["user"], ip?: string): Promise<Joined> {
  return withinTokenLimit(db, ip, () => acceptSignedIn(db, token, user));
}

async function acceptSignedIn(db: Db, token: string, user: Joined["user"]): Promise<Joined> {
  return db.$transaction(async (tx) => {
    const inv = await claim(tx, token);
    if (inv.email !== user.email.toLowerCase()) {
      throw forbidden(`This invitation is for ${inv.email}, and you are signed in as ${user.email}. Sign out, then open the link again.`);
    }
    const where = { organizationId_userId: { organizationId: inv.organizationId, userId: user.id } };
    const membership = await tx.membership.findUnique({ where });
    if (!membership) {
      await tx.membership.create({ data: { organizationId: inv.organizationId, userId: user.id, role: inv.role } });
      return finish(tx, inv, user, "existing account");
    }
    if (membership.removedAt) {
      await tx.membership.update({ where, data: { removedAt: null, deactivatedAt: null, role: inv.role } });
      return finish(tx, inv, user, "rejoined after removal");
    }
    if (membership.deactivatedAt) {
      throw forbidden("Your access to this organization is deactivated. Ask an admin to reactivate it in People.");
    }
    return finish(tx, inv, user, "already a member");
  });
}
