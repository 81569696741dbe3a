import "server-only";
// next-auth: email + password (argon2id), JWT sessions carrying the user id and the id of a
// UserSession row (lib/auth/sessions.ts), so a session ends on the server when it is revoked.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { env, secureCookies } from "@/lib/env";
import { credentialsSchema } from "@/lib/schemas/auth";
import { resolveAuthSecret } from "./secret";
import { hashPassword, verifyPassword } from "./password";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";

/** Costs what a real check costs, so a missing account answers as slowly as a wrong password. */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword("not-a-real-password-0"));

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
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const user = await db.user.findUnique({
          where: { email: parsed.data.email },
          omit: { passwordHash: false },
        });
        const ok = await verifyPassword(user?.passwordHash ?? (await dummy()), parsed.data.password);
        if (!user?.passwordHash || !ok) return null;
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
