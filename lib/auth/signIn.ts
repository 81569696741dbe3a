import "server-only";
// Signs a person in from the server — after sign-up, accepting an invitation, resetting a
// password or an SSO callback — by starting a UserSession and setting the same session cookie
// next-auth's own sign-in sets (a JWT with the user id and session id).
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import type { Db } from "@/lib/db/client";
import { env, secureCookies } from "@/lib/env";
import { resolveAuthSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS, startSession, type SessionMethod } from "./sessions";

/** next-auth's cookie name: __Secure- prefixed when the app is served over https. */
export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The cookie value for a new session of `user`; the session row is created here. */
export async function mintSessionToken(
  db: Db,
  user: { id: string; name: string; email: string },
  method: SessionMethod,
  userAgent = "",
): Promise<string> {
  const sid = await startSession(db, user.id, method, userAgent);
  return encode({
    token: { sub: user.id, name: user.name, email: user.email, sid },
    secret: resolveAuthSecret(env()),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Signs `user` in on this response (server actions and route handlers). */
export async function signInAs(db: Db, user: { id: string; name: string; email: string }, method: SessionMethod, userAgent = ""): Promise<void> {
  const value = await mintSessionToken(db, user, method, userAgent);
  (await cookies()).set(sessionCookieName(), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
