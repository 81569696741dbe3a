import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    /** sid: the UserSession row this cookie belongs to (lib/auth/sessions.ts). */
    user: { id: string; sid?: string } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
