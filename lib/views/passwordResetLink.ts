import "server-only";
// The reset-password page: whether the link in its address still works, and for whom.
import type { Db } from "@/lib/db/client";
import { isUsable, passwordResetByToken } from "@/lib/queries/passwordResetByToken";
import * as clock from "@/lib/clock";

export type ResetLinkView = { usable: true; email: string; hasPassword: boolean } | { usable: false };

export async function passwordResetLink(db: Db, token: string, now: Date = clock.now()): Promise<ResetLinkView> {
  const link = await passwordResetByToken(db, token);
  if (!isUsable(link, now)) return { usable: false };
  return { usable: true, email: link.user.email, hasPassword: link.user.hasPassword };
}
