import "server-only";
// A forgot-password link by its token. Only the SHA-256 of a token is stored
// (lib/auth/linkTokens.ts), so the lookup hashes what the link carries.
import { hashLinkToken } from "@/lib/auth/linkTokens";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resetTokenSchema } from "@/lib/schemas/passwords";

type Tx = Db | Prisma.TransactionClient;

export type PasswordResetLink = {
  id: string;
  expiresAt: Date;
  usedAt: Date | null;
  user: { id: string; name: string; email: string; hasPassword: boolean };
};

/** The link `token` names, whatever its state (used, expired); null for anything unknown or malformed. */
export async function passwordResetByToken(db: Tx, token: string): Promise<PasswordResetLink | null> {
  if (!resetTokenSchema.safeParse(token).success) return null;
  const row = await db.passwordReset.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, name: true, email: true, passwordHash: true } },
    },
  });
  if (!row) return null;
  const { passwordHash, ...user } = row.user;
  return { id: row.id, expiresAt: row.expiresAt, usedAt: row.usedAt, user: { ...user, hasPassword: passwordHash !== null } };
}

/** Whether the link still sets a password at `now`: never used and not expired. */
export function isUsable(link: PasswordResetLink | null, now: Date): link is PasswordResetLink {
  return link !== null && link.usedAt === null && link.expiresAt > now;
}
