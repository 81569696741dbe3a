import "server-only";
// Sessions that really end. The session cookie is a next-auth JWT that carries the id of a
// UserSession row; a request is signed in only while that row is live (not revoked, not
// expired). Signing out, a password change, deactivation or removal revoke rows, and the next
// request with an old cookie is anonymous — whatever the cookie's own expiry says.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import * as clock from "@/lib/clock";
import { asUnavailable } from "@/lib/errors";

type Tx = Db | Prisma.TransactionClient;

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** lastSeenAt is written at most this often, so reading a page is not a write each time. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** How a session signed in: with a password, or with an organization's SSO. */
export type SessionMethod = "password" | `sso:${string}`;

export async function startSession(db: Tx, userId: string, method: SessionMethod, userAgent = ""): Promise<string> {
  const now = clock.now();
  const row = await db.userSession.create({
    data: {
      userId,
      method,
      userAgent: userAgent.slice(0, 300),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
  return row.id;
}

/** The live session `sid` of `userId`, or null when it ended, expired or is someone else's. */
export async function liveSession(db: Db, sid: string, userId: string): Promise<{ id: string; method: SessionMethod } | null> {
  const now = clock.now();
  // A malformed id is no session; a busy database is not a reason to sign someone out (503).
  const row = await db.userSession.findUnique({ where: { id: sid } }).catch((err: unknown) => {
    if (asUnavailable(err)) throw err;
    return null;
  });
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: now } });
  }
  return { id: row.id, method: row.method as SessionMethod };
}

export async function endSession(db: Tx, sid: string): Promise<void> {
  await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: clock.now() } });
}

/** Ends every session of a user (a password change keeps the one that made it). */
export async function endAllSessions(db: Tx, userId: string, exceptSid?: string): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSid ? { id: { not: exceptSid } } : {}) },
    data: { revokedAt: clock.now() },
  });
  return count;
}
