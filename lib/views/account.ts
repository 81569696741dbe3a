import "server-only";
// The /account page: who the person is, whether they have a password to change, and the
// browsers they are signed in on, the current one marked.
import type { Db } from "@/lib/db/client";
import { describeUserAgent } from "@/lib/domain/userAgent";
import { liveSessionsOf } from "@/lib/queries/liveSessionsOf";
import * as clock from "@/lib/clock";

export type AccountSession = {
  id: string;
  /** "Chrome on macOS" */
  device: string;
  /** "Password" or "Single sign-on" */
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

export type AccountView = {
  name: string;
  email: string;
  hasPassword: boolean;
  passwordChangedAt: Date | null;
  sessions: AccountSession[];
};

export async function accountView(db: Db, caller: { userId: string; sessionId: string }, now: Date = clock.now()): Promise<AccountView> {
  const [user, sessions] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: caller.userId },
      select: { name: true, email: true, passwordHash: true, passwordChangedAt: true },
    }),
    liveSessionsOf(db, caller.userId, now),
  ]);
  const rows = sessions.map((s) => ({
    id: s.id,
    device: describeUserAgent(s.userAgent),
    method: s.method.startsWith("sso:") ? "Single sign-on" : "Password",
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    current: s.id === caller.sessionId,
  }));
  return {
    name: user.name,
    email: user.email,
    hasPassword: user.passwordHash !== null,
    passwordChangedAt: user.passwordChangedAt,
    // This device first.
    sessions: [...rows.filter((s) => s.current), ...rows.filter((s) => !s.current)],
  };
}
