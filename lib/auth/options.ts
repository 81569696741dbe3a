import "server-only";
// next-auth: email + password (argon2id), JWT sessions carrying the user id and the id of a
// UserSession row (lib/auth/sessions.ts), so a session ends on the server when it is revoked.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { env, secureCookies } from "@/lib/env";
import { clientIp } from "@/lib/http/clientIp";
import { checkCredentials } from "./credentials";
import { resolveAuthSecret } from "./secret";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";

export const authOptions: NextAuthOptions = {
  secret: resolveAuthSecret(env()),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Behind https (the public URL says so) every next-auth cookie is `Secure` and `__Secure-`/`__Host-` prefixed.
  useSecureCookies: secureCookies(env()),
  pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const db = await getDb();
        // A RateLimitedError thrown here reaches the sign-in form as `error` (its message).
        const user = await checkCredentials(db, raw, clientIp(req?.headers ?? {}));
        if (!user) return null;
        const agent = req?.headers?.["user-agent"];
        const sid = await startSession(db, user.id, "password", typeof agent === "string" ? agent : "");
        return { id: user.id, email: user.email, name: user.name, sid };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.sid = typeof token.sid === "string" ? token.sid : undefined;
      }
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(await getDb(), token.sid);
    },
  },
};
