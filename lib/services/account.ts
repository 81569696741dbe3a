import "server-only";
// What a signed-in person changes about their own account on /account: their password, and
// which of their sessions stay signed in. Each acts on the caller's own user only.
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/client";
import { fieldErrorsOf, validationError } from "@/lib/errors";
import { passwordProblem } from "@/lib/schemas/passwordStrength";
import { changePasswordSchema, personalWords } from "@/lib/schemas/passwords";
import * as clock from "@/lib/clock";
import { auditAccountChange, retireOpenLinks } from "./passwordReset";

/** The caller: who, and the session the request came with (the one that stays signed in). */
export type AccountCaller = { userId: string; sessionId: string };

/**
 * Changes the caller's password: the current one is required, the new one must pass the
 * server's rule and differ from it. Every other session ends; this one stays. Returns how many
 * sessions ended.
 */
export async function changePassword(db: Db, caller: AccountCaller, raw: unknown, now: Date = clock.now()): Promise<number> {
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error));
  const { currentPassword, newPassword } = parsed.data;
  const user = await db.user.findUniqueOrThrow({
    where: { id: caller.userId },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  if (!user.passwordHash) {
    throw validationError(
      { currentPassword: ["You sign in with single sign-on and have no password yet: set one with “Forgot password?” on the sign-in page."] },
      "You have no password to change.",
    );
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw validationError({ currentPassword: ["That is not your current password."] });
  }
  const problem = newPassword === currentPassword ? "Choose a password different from your current one." : passwordProblem(newPassword, personalWords(user));
  if (problem) throw validationError({ newPassword: [problem] });
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    // A forgot-password link asked for earlier would undo this change: it stops working.
    await retireOpenLinks(tx, user.id, now);
    const ended = await endAllSessions(tx, user.id, caller.sessionId);
    await auditAccountChange(tx, user.id, "user.password_change", { otherSessionsEnded: ended });
    return ended;
  });
}

/** Signs the caller out on one of their sessions. False when it is not theirs or already ended. */
export async function endOwnSession(db: Db, caller: AccountCaller, sessionId: string): Promise<boolean> {
  const { count } = await db.userSession.updateMany({
    where: { id: sessionId, userId: caller.userId, revokedAt: null },
    data: { revokedAt: clock.now() },
  });
  return count > 0;
}

/** Signs the caller out everywhere but this session; returns how many sessions ended. */
export function endOtherSessions(db: Db, caller: AccountCaller): Promise<number> {
  return endAllSessions(db, caller.userId, caller.sessionId);
}
