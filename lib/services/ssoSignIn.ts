import "server-only";
// Who may come in through an organization's SSO, once its identity provider has vouched for
// an email (lib/auth/sso.ts did the protocol). The organization is the one whose connection
// validated the ID token, never one the provider or the browser names. In one transaction:
//   - an active member signs in;
//   - a deactivated member is refused (an admin reactivates them), and so is a removed one,
//     unless a pending invitation re-admits them (accepting it is the invitation page's job);
//   - someone new joins with the connection's default role when the email's domain is allowed;
//   - someone invited to the organization signs in, to accept the invitation;
//   - anyone else is refused.
// SSO-only people have no password.
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import * as clock from "@/lib/clock";
import { textProblem } from "@/lib/schemas/text";
import { recordAudit } from "./audit";

/** A name from the identity provider, trimmed to a name's length; null when unusable. */
function storableName(name: string | null): string | null {
  const n = name?.trim().slice(0, 120);
  return n && !textProblem(n) ? n : null;
}

export type SsoIdentity = { email: string | null; emailVerified: boolean; name: string | null };

export type SsoRefusal = "disabled" | "email_missing" | "email_unverified" | "deactivated" | "removed" | "not_allowed";

export type SsoAdmission =
  | { ok: true; user: { id: string; name: string; email: string }; organizationId: string; outcome: "member" | "joined" | "invited" }
  | { ok: false; reason: SsoRefusal };

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1);

export async function admitSsoIdentity(db: Db, organizationId: string, identity: SsoIdentity): Promise<SsoAdmission> {
  const email = identity.email?.trim().toLowerCase();
  if (!email || !email.includes("@")) return { ok: false, reason: "email_missing" };
  if (!identity.emailVerified) return { ok: false, reason: "email_unverified" };
  return db.$transaction(async (tx) => {
    const connection = await tx.ssoConnection.findUnique({ where: { organizationId } });
    if (!connection?.enabled) return { ok: false, reason: "disabled" } as const;
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
    const membership = existing
      ? await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId: existing.id } } })
      : null;
    if (existing && membership && !membership.deactivatedAt && !membership.removedAt) {
      return { ok: true, user: existing, organizationId, outcome: "member" } as const;
    }
    if (membership?.deactivatedAt) return { ok: false, reason: "deactivated" } as const;

    const invited = await tx.invitation.findFirst({
      where: { organizationId, email, status: "PENDING", expiresAt: { gt: clock.now() } },
      select: { id: true },
    });
    const allowed = connection.allowedDomains.includes(domainOf(email));
    if (!invited && membership?.removedAt) return { ok: false, reason: "removed" } as const;
    if (!invited && !allowed) return { ok: false, reason: "not_allowed" } as const;

    const user =
      existing ??
      (await tx.user.create({
        // The provider's name claim is taken as the person's name only when it is text we can store.
        data: { email, name: storableName(identity.name) ?? email.slice(0, email.indexOf("@")), passwordHash: null },
        select: { id: true, name: true, email: true },
      }));
    if (invited) return { ok: true, user, organizationId, outcome: "invited" } as const;

    const role: Role = connection.defaultRole;
    await tx.membership.create({ data: { organizationId, userId: user.id, role } });
    await recordAudit(tx, { organizationId, userId: user.id }, {
      action: "sso.joined",
      entityType: "Membership",
      entityId: user.id,
      after: { email, role, via: "sso", domain: domainOf(email) },
    });
    return { ok: true, user, organizationId, outcome: "joined" } as const;
  });
}
