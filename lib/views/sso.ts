import "server-only";
// What the SSO pages read: an organization's connection for its admins (never the secret),
// which organizations a work email or a slug can sign in to with SSO (the /sso page), and which
// of a person's organizations wait for an SSO sign-in (the no-organization page).
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/permissions";
import { microsoftTenantOf, type SsoPreset } from "@/lib/schemas/sso";
import { invitationByToken } from "./invitationByToken";

export type SsoSettings = {
  preset: SsoPreset;
  issuer: string;
  tenantId: string;
  clientId: string;
  secretSet: boolean;
  allowedDomains: string[];
  defaultRole: "VIEWER" | "MEMBER" | "MANAGER";
  requireSso: boolean;
  enabled: boolean;
};

/** The organization's connection as the settings form shows it; null when there is none. Admins only. */
export async function ssoSettingsOf(db: Db, ctx: TenantContext): Promise<SsoSettings | null> {
  requireRole(ctx.role, "ADMIN", "configure single sign-on");
  const row = await db.ssoConnection.findUnique({ where: { organizationId: ctx.organizationId } });
  if (!row) return null;
  const preset = (["google", "microsoft", "custom"] as const).find((p) => p === row.preset) ?? "custom";
  return {
    preset,
    issuer: row.issuer,
    tenantId: microsoftTenantOf(row.issuer) ?? "",
    clientId: row.clientId,
    secretSet: row.clientSecret !== "",
    allowedDomains: row.allowedDomains,
    defaultRole: row.defaultRole === "VIEWER" || row.defaultRole === "MANAGER" ? row.defaultRole : "MEMBER",
    requireSso: row.requireSso,
    enabled: row.enabled,
  };
}

export type SsoOrganization = { id: string; name: string };

/**
 * The organizations with SSO that an address can use: those that allow its domain, or the one
 * with this slug. Nothing here depends on whether the address has an account.
 */
export async function ssoOrganizationsFor(db: Db, query: { email?: string; slug?: string }): Promise<SsoOrganization[]> {
  const domain = query.email?.includes("@") ? query.email.slice(query.email.lastIndexOf("@") + 1).trim().toLowerCase() : null;
  const slug = query.slug?.trim().toLowerCase() || null;
  if (!domain && !slug) return [];
  const rows = await db.organization.findMany({
    where: {
      ssoConnection: { enabled: true, ...(domain ? { allowedDomains: { has: domain } } : {}) },
      ...(slug ? { slug } : {}),
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 20,
  });
  return rows;
}

/** The person's organizations that require SSO and that this session cannot open (not shown by getViewer). */
export async function organizationsAwaitingSso(db: Db, userId: string, visible: string[]): Promise<SsoOrganization[]> {
  const rows = await db.membership.findMany({
    where: {
      userId,
      deactivatedAt: null,
      removedAt: null,
      organizationId: { notIn: visible },
      organization: { ssoConnection: { enabled: true } },
    },
    select: { organization: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.organization);
}

/**
 * The organization a pending invitation link invites to, when it has SSO: someone who came from
 * the link (it is their callbackUrl) signs in with their organization's SSO to accept it. The
 * link's holder may know its organization; nobody else learns anything.
 */
export async function ssoOrganizationOfInvitation(db: Db, callbackUrl: string): Promise<SsoOrganization | null> {
  const token = /^\/invitations\/([A-Za-z0-9_-]{43})$/.exec(callbackUrl)?.[1];
  if (!token) return null;
  const invitation = await invitationByToken(db, token);
  if (invitation.state !== "pending") return null;
  const sso = await db.ssoConnection.findUnique({ where: { organizationId: invitation.organizationId }, select: { enabled: true } });
  return sso?.enabled ? { id: invitation.organizationId, name: invitation.organizationName } : null;
}
