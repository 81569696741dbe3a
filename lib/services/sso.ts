import "server-only";
// An organization's OpenID Connect connection (Settings → Single sign-on): admins only,
// validated, audited. The client secret is sealed with the server's key before it is stored
// and never leaves the server again; an empty secret field keeps the stored one.
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/permissions";
import { seal } from "@/lib/auth/secretBox";
import { testIssuer } from "@/lib/auth/oidc";
import { parseOrThrow, validationError } from "@/lib/errors";
import { ssoConnectionSchema, ssoIssuerSchema } from "@/lib/schemas/sso";
import { recordAudit } from "./audit";

/** What the audit trail keeps of a connection: everything but the secret. */
function audited(row: { preset: string; issuer: string; clientId: string; allowedDomains: string[]; defaultRole: string; requireSso: boolean; enabled: boolean }) {
  const { preset, issuer, clientId, allowedDomains, defaultRole, requireSso, enabled } = row;
  return { preset, issuer, clientId, allowedDomains, defaultRole, requireSso, enabled };
}

/** Creates or updates the organization's SSO connection. */
export async function saveSsoConnection(db: Db, ctx: TenantContext, raw: unknown): Promise<{ created: boolean }> {
  requireRole(ctx.role, "ADMIN", "configure single sign-on");
  const input = parseOrThrow(ssoConnectionSchema, raw);
  const organizationId = ctx.organizationId;
  return db.$transaction(async (tx) => {
    const before = await tx.ssoConnection.findUnique({ where: { organizationId } });
    if (!before && !input.clientSecret) throw validationError({ clientSecret: ["Enter the client secret your provider gave you."] });
    const fields = {
      preset: input.preset,
      issuer: input.issuer,
      clientId: input.clientId,
      allowedDomains: input.allowedDomains,
      defaultRole: input.defaultRole,
      requireSso: input.requireSso,
      enabled: input.enabled,
      ...(input.clientSecret ? { clientSecret: seal(input.clientSecret, "sso-client-secret") } : {}),
    };
    const after = before
      ? await tx.ssoConnection.update({ where: { organizationId }, data: fields })
      : await tx.ssoConnection.create({ data: { organizationId, clientSecret: "", ...fields } });
    await recordAudit(tx, ctx, {
      action: before ? "sso.update" : "sso.create",
      entityType: "SsoConnection",
      entityId: organizationId,
      before: before ? audited(before) : null,
      after: { ...audited(after), ...(input.clientSecret ? { clientSecretChanged: true } : {}) },
    });
    return { created: !before };
  });
}

/** Runs discovery against the issuer the form names: "Test connection". */
export async function testSsoConnection(ctx: TenantContext, raw: unknown): Promise<{ ok: boolean; message: string }> {
  requireRole(ctx.role, "ADMIN", "configure single sign-on");
  const { issuer } = parseOrThrow(ssoIssuerSchema, raw);
  const result = await testIssuer(issuer);
  return result.ok
    ? { ok: true, message: `Connected: ${issuer} publishes its OpenID configuration (sign-in page ${result.authorizationEndpoint}).` }
    : { ok: false, message: result.message };
}
