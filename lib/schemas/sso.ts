// The SSO connection form (Settings → Single sign-on), shared by the browser and the server.
// The issuer comes from a preset (Google; Microsoft Entra with the tenant id) or is entered.
// The client secret is write-only: empty keeps the stored one.
import { z } from "zod";
import { text } from "./text";

export const SSO_PRESETS = ["google", "microsoft", "custom"] as const;
export type SsoPreset = (typeof SSO_PRESETS)[number];

export const GOOGLE_ISSUER = "https://accounts.google.com";
export const microsoftIssuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;
const MICROSOFT_ISSUER = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0$/;

/** The tenant id of a Microsoft Entra issuer, or null. */
export function microsoftTenantOf(issuer: string): string | null {
  return MICROSOFT_ISSUER.exec(issuer)?.[1] ?? null;
}

/**
 * Roles people get when they join by signing in with an allowed domain. Not admin or owner:
 * anyone with an address at the domain would hold the keys; admins promote people in People.
 */
export const SSO_JOIN_ROLES = ["VIEWER", "MEMBER", "MANAGER"] as const;

/** Mailbox providers anyone can get an address at: allowing one would let the whole world in. */
const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com",
  "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "mail.com", "yandex.com", "zoho.com",
]);

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why an issuer URL cannot be used, or null when it can (https; http only on the loopback, for local providers). */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "Enter the issuer as a full URL, e.g. https://accounts.google.com.";
  }
  if (url.search || url.hash) return "The issuer URL has no query or fragment.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return null;
  return "The issuer must be an https:// URL.";
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

/** "acme.com, @acme.co.uk\nexample.org" → ["acme.com", "acme.co.uk", "example.org"]. */
export function parseDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    ),
  ];
}

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const presetFields = {
  preset: z.enum(SSO_PRESETS, { error: "Choose Google, Microsoft Entra or another provider." }),
  tenantId: text().trim().max(100).optional().default(""),
  issuer: text().trim().max(500).optional().default(""),
};

/** The issuer of a preset, or the one entered; null (with an issue on the field) when it cannot be used. */
function resolveIssuer(v: { preset: SsoPreset; tenantId: string; issuer: string }, ctx: z.RefinementCtx): string | null {
  if (v.preset === "google") return GOOGLE_ISSUER;
  if (v.preset === "microsoft") {
    if (/^[A-Za-z0-9.-]{3,100}$/.test(v.tenantId)) return microsoftIssuer(v.tenantId);
    ctx.addIssue({ code: "custom", path: ["tenantId"], message: "Enter your Microsoft Entra tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47)." });
    return null;
  }
  const problem = v.issuer ? issuerProblem(v.issuer) : "Enter the issuer URL of your identity provider.";
  if (!problem) return v.issuer;
  ctx.addIssue({ code: "custom", path: ["issuer"], message: problem });
  return null;
}

/** Just where the connection points, for "Test connection". */
export const ssoIssuerSchema = z.object(presetFields).transform((v, ctx) => {
  const issuer = resolveIssuer(v, ctx);
  return issuer ? { preset: v.preset, issuer } : z.NEVER;
});

export const ssoConnectionSchema = z
  .object({
    ...presetFields,
    clientId: text().trim().min(1, "Enter the client id your provider gave you.").max(300, "That client id is too long."),
    /** Empty keeps the stored secret. */
    clientSecret: text().trim().max(2000, "That secret is too long.").optional().default(""),
    allowedDomains: text()
      .max(5000)
      .optional()
      .default("")
      .transform((text, ctx) => {
        const domains = parseDomains(text);
        for (const d of domains) {
          if (!DOMAIN.test(d)) ctx.addIssue({ code: "custom", message: `“${d}” is not an email domain such as acme.com.` });
          else if (PUBLIC_MAIL_DOMAINS.has(d)) ctx.addIssue({ code: "custom", message: `${d} is a public mailbox provider: anyone could join. List your company's own domains.` });
        }
        if (domains.length > 50) ctx.addIssue({ code: "custom", message: "List at most 50 domains." });
        return domains;
      }),
    defaultRole: z.enum(SSO_JOIN_ROLES, { error: "Choose viewer, member or manager." }).default("MEMBER"),
    requireSso: checkbox,
    enabled: checkbox,
  })
  .transform((v, ctx) => {
    const issuer = resolveIssuer(v, ctx);
    if (!issuer) return z.NEVER;
    const { tenantId: _tenantId, ...rest } = v;
    return { ...rest, issuer };
  });

export type SsoConnectionInput = z.infer<typeof ssoConnectionSchema>;
