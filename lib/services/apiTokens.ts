import "server-only";
// API tokens for integrations. A token is shown once; only its SHA-256 is stored (tokens are
// 32 random bytes, so a fast hash is enough: there is nothing to brute-force). The token names
// its organization, so the lookup is tenant-scoped like every other query.
import { hashLinkToken as hashToken, randomLinkSecret } from "@/lib/auth/linkTokens";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import { parseOrThrow } from "@/lib/errors";
import { text } from "@/lib/schemas/text";
import { recordAudit } from "./audit";

export const API_SCOPES = ["measures:read", "measures:write", "entries:read", "entries:write", "teams:read", "teams:write", "reports:read", "reports:write", "people:read", "people:write", "audit:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const TOKEN = /^llk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;


function orgIdFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const createApiTokenSchema = z.object({
  name: text().trim().min(1, "Give the token a name.").max(80, "Keep the name under 80 characters."),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope."),
});

/** Creates a token; the plain token is returned only here. Admins only. */
export async function createApiToken(
  db: Db,
  ctx: TenantContext,
  raw: unknown,
): Promise<{ token: string; id: string; name: string; prefix: string; scopes: string[] }> {
  requireRole(ctx.role, "ADMIN", "manage API tokens");
  const input = parseOrThrow(createApiTokenSchema, raw);
  const token = `llk_${ctx.organizationId.replace(/-/g, "")}_${randomLinkSecret()}`;
  const prefix = `${token.slice(0, 4)}…${token.slice(-6)}`;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        organizationId: ctx.organizationId,
        name: input.name,
        prefix,
        tokenHash: hashToken(token),
        scopes: [...new Set(input.scopes)],
        createdById: ctx.userId,
      },
    });
    await recordAudit(tx, ctx, {
      action: "api_token.create",
      entityType: "ApiToken",
      entityId: created.id,
      after: { name: created.name, scopes: created.scopes, prefix },
    });
    return created;
  });
  return { token, id: row.id, name: row.name, prefix, scopes: row.scopes };
}

export async function revokeApiToken(db: Db, ctx: TenantContext, id: string): Promise<boolean> {
  requireRole(ctx.role, "ADMIN", "manage API tokens");
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { organizationId: ctx.organizationId, id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count > 0) await recordAudit(tx, ctx, { action: "api_token.revoke", entityType: "ApiToken", entityId: id });
    return count > 0;
  });
}

/** How stale a token's last-use time may get before a request writes it again. */
export const LAST_USED_EVERY_MS = 60_000;

export type TokenPrincipal = { organizationId: string; tokenId: string; scopes: string[]; createdById: string | null };

/** The token's organization and scopes, or null when it is malformed, unknown or revoked. */
export async function verifyApiToken(db: Db, token: string): Promise<TokenPrincipal | null> {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const organizationId = orgIdFromHex(m[1]!);
  const row = await db.apiToken.findUnique({
    where: { organizationId_tokenHash: { organizationId, tokenHash: hashToken(token) } },
  });
  if (!row || row.revokedAt) return null;
  // Last use is informational, shown to the minute: written at most once a minute, so a busy
  // client does not turn every read into a write; a failed update must not fail the request.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await db.apiToken
      .update({ where: { organizationId_id: { organizationId, id: row.id } }, data: { lastUsedAt: now } })
      .catch(() => undefined);
  }
  return { organizationId, tokenId: row.id, scopes: row.scopes, createdById: row.createdById };
}
