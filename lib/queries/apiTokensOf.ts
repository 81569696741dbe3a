import "server-only";
// The API tokens of an organization for the settings page: never the secret, only the prefix
// people recognise it by, its scopes and when it was created, last used and revoked.
import type { Db } from "@/lib/db/client";

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function apiTokensOf(db: Db, organizationId: string): Promise<ApiTokenRow[]> {
  const [tokens, people] = await Promise.all([
    db.apiToken.findMany({
      where: { organizationId },
      // Active tokens first, newest first.
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, createdById: true, lastUsedAt: true, revokedAt: true },
    }),
    db.membership.findMany({ where: { organizationId }, select: { userId: true, user: { select: { name: true } } } }),
  ]);
  const nameOf = new Map(people.map((p) => [p.userId, p.user.name]));
  return tokens.map(({ createdById, ...t }) => ({ ...t, createdBy: createdById ? (nameOf.get(createdById) ?? null) : null }));
}
