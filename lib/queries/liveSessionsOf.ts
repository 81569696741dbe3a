import "server-only";
// The browsers a person is signed in on right now (not signed out, not expired), most recently
// used first: the sessions list of /account.
import type { Db } from "@/lib/db/client";

export type LiveSessionRow = { id: string; method: string; userAgent: string; createdAt: Date; lastSeenAt: Date };

export function liveSessionsOf(db: Db, userId: string, now: Date): Promise<LiveSessionRow[]> {
  return db.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, method: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
}
