import "server-only";
// Forgot password: a link by email that sets a new password once, within an hour.
// - The request answers the same whether or not the address has an account (the page never
//   says, and the forgot-password action runs this after its response, so the time it takes
//   tells nothing either).
// - Only the SHA-256 of a link's token is stored; asking again retires the earlier links; at
//   most RESETS_PER_HOUR requests per address and hour, and 20 per IP address and hour
//   (lib/auth/rateLimits.ts), counted whether or not the address has an account, so the
//   refusal — checked before the response, by limitResetRequest — tells nothing either.
// - People who sign in only with SSO may set a password this way, unless every organization
//   they belong to requires SSO of them (then a password would open nothing, and their
//   organization chose SSO for them).
// - Using a link ends every session of the account (whoever knew the old password is out) and
//   is recorded in the audit trail of each organization the person belongs to.
import { hashPassword } from "@/lib/auth/password";
import { accountKey, rateLimiterFor, rateLimits } from "@/lib/auth/rateLimits";
import { endAllSessions } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/client";
import { passwordResetEmail } from "@/lib/email/passwordReset";
import { appOrigin } from "@/lib/env";
import { AppError, fieldErrorsOf, validationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUsable, passwordResetByToken } from "@/lib/queries/passwordResetByToken";
import { newLinkToken } from "@/lib/auth/linkTokens";
import { passwordProblem } from "@/lib/schemas/passwordStrength";
import { forgotPasswordSchema, personalWords, resetPasswordSchema } from "@/lib/schemas/passwords";
import * as clock from "@/lib/clock";
import { recordAudit } from "./audit";
import { sendEmail, type SendOptions } from "./email";

type Tx = Prisma.TransactionClient;

export const RESET_LINK_MINUTES = 60;
export const RESETS_PER_HOUR = rateLimits().resetEmail.points;

export const LINK_UNUSABLE = "This link has expired or has already been used. Ask for a new one.";

/** What happened to a request; for tests and the log only, never for the person asking. */
export type ResetRequestOutcome = "sent" | "no-account" | "sso-required";

/**
 * Counts a reset request for `email` from `ip`; refuses (RateLimitedError, whose message the
 * form shows) beyond RESETS_PER_HOUR for the address or 20 an hour from the IP address.
 */
export async function limitResetRequest(db: Db, email: string, ip: string): Promise<void> {
  await rateLimiterFor(db).take({ resetEmail: accountKey(email), resetIp: ip });
}

/** Whether a person with no password belongs only to organizations that require SSO of them. */
function ssoRequiredEverywhere(memberships: { role: string; organization: { ssoConnection: { enabled: boolean; requireSso: boolean } | null } }[]): boolean {
  return (
    memberships.length > 0 &&
    memberships.every((m) => m.role !== "OWNER" && m.organization.ssoConnection?.enabled === true && m.organization.ssoConnection.requireSso)
  );
}

/**
 * Emails a reset link to `email` when it has an account. The caller shows the same answer
 * whatever this returns. A malformed address is a field error (that reveals nothing).
 */
export async function requestPasswordReset(
  db: Db,
  raw: unknown,
  opts: { now?: Date; mail?: SendOptions } = {},
): Promise<ResetRequestOutcome> {
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  const now = opts.now ?? clock.now();
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: {
      id: true,
      name: true,
      email: true,
      passwordHash: true,
      memberships: {
        where: { deactivatedAt: null, removedAt: null },
        select: { role: true, organization: { select: { ssoConnection: { select: { enabled: true, requireSso: true } } } } },
      },
    },
  });
  if (!user) return "no-account";
  const hasPassword = user.passwordHash !== null;
  if (!hasPassword && ssoRequiredEverywhere(user.memberships)) return "sso-required";

  const { token, tokenHash } = newLinkToken();
  await db.$transaction(async (tx) => {
    // Only the newest link works.
    await retireOpenLinks(tx, user.id, now);
    await tx.passwordReset.create({
      data: { userId: user.id, tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) },
    });
  });
  const message = passwordResetEmail({
    to: user.email,
    name: user.name,
    url: `${appOrigin()}/reset-password/${token}`,
    validForMinutes: RESET_LINK_MINUTES,
    hasPassword,
  });
  await sendEmail(db, null, message, opts.mail);
  return "sent";
}

/** Unused links of `userId` stop working (a newer link, a new password). */
export async function retireOpenLinks(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

/** The organizations whose audit trail records a change to `userId`'s account. */
export async function auditAccountChange(tx: Tx, userId: string, action: string, after?: object): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId, removedAt: null }, select: { organizationId: true } });
  for (const m of memberships) {
    await recordAudit(tx, { organizationId: m.organizationId, userId }, { action, entityType: "User", entityId: userId, after });
  }
}

/**
 * Sets the password of the link's account, uses up the link and ends every session of the
 * account. Returns the person, whom the caller signs in afresh. Refuses an unknown, used or
 * expired link with a not_found AppError (LINK_UNUSABLE), a weak password with field errors.
 */
export async function resetPassword(
  db: Db,
  token: string,
  raw: unknown,
  now: Date = clock.now(),
): Promise<{ id: string; name: string; email: string; sessionsEnded: number }> {
  const link = await passwordResetByToken(db, token);
  if (!isUsable(link, now)) throw new AppError("not_found", LINK_UNUSABLE);
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  const problem = passwordProblem(parsed.data.password, personalWords(link.user));
  if (problem) throw validationError({ password: [problem] });
  const passwordHash = await hashPassword(parsed.data.password);
  const { id, name, email } = link.user;
  const sessionsEnded = await db.$transaction(async (tx) => {
    // Used once: of two submissions racing, one wins.
    const used = await tx.passwordReset.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (used.count === 0) throw new AppError("not_found", LINK_UNUSABLE);
    await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: now } });
    await retireOpenLinks(tx, id, now);
    const ended = await endAllSessions(tx, id);
    await auditAccountChange(tx, id, "user.password_reset", { sessionsEnded: ended, hadPassword: link.user.hasPassword });
    return ended;
  });
  return { id, name, email, sessionsEnded };
}
