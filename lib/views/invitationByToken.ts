import "server-only";
// What the page an invitation link opens shows: whether the link still works and, if it does,
// who invites whom to which organization. The organization comes from the invitation alone,
// found by the hash of the link's token. An unknown link says nothing about any organization.
// Whether the invited address already has an account is told only to the holder of a working
// link (it decides between "choose a password" and "sign in to join"), who received it at that
// address. Opened from the page, links that name no invitation are counted per IP address
// (token guessing, lib/auth/rateLimits.ts); past the limit the page says so and looks nothing up.
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import * as clock from "@/lib/clock";
import { invitationState } from "@/lib/queries/invitationList";
import { hashLinkToken } from "@/lib/auth/linkTokens";
import { rateLimiterFor } from "@/lib/auth/rateLimits";
import { RateLimitedError } from "@/lib/errors";

/** Tokens are 32 bytes in base64url; anything else is no token of ours. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type InvitationLanding =
  | { state: "unknown" }
  /** Too many unknown links from this address: `message` says when to try again. */
  | { state: "limited"; message: string }
  | { state: "expired" | "revoked" | "accepted"; organizationName: string; email: string }
  | {
      state: "pending";
      id: string;
      organizationId: string;
      organizationName: string;
      email: string;
      role: Role;
      inviterName: string | null;
      teamNames: string[];
      expiresAt: Date;
      /** The invited address has an account: it signs in and joins with one click. */
      accountExists: boolean;
    };

/** What the link `token` opens; with `ip`, within the per-address limit of unknown links. */
export async function invitationByToken(db: Db, token: string, ip?: string): Promise<InvitationLanding> {
  if (ip === undefined) return landing(db, token);
  const limiter = rateLimiterFor(db);
  try {
    await limiter.check({ invitationTokenIp: ip });
    const found = await landing(db, token);
    if (found.state === "unknown") await limiter.fail({ invitationTokenIp: ip });
    return found;
  } catch (err) {
    if (err instanceof RateLimitedError) return { state: "limited", message: err.message };
    throw err;
  }
}

async function landing(db: Db, token: string): Promise<InvitationLanding> {
  if (!TOKEN_PATTERN.test(token)) return { state: "unknown" };
  const row = await db.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) }, include: { organization: { select: { name: true } } } });
  if (!row) return { state: "unknown" };
  const state = invitationState(row, clock.now());
  if (state !== "pending") return { state, organizationName: row.organization.name, email: row.email };
  const [inviter, teams, account] = await Promise.all([
    row.invitedById ? db.user.findUnique({ where: { id: row.invitedById }, select: { name: true } }) : null,
    db.team.findMany({ where: { organizationId: row.organizationId, id: { in: row.teamIds }, archivedAt: null }, select: { name: true }, orderBy: { name: "asc" } }),
    db.user.findUnique({ where: { email: row.email }, select: { id: true } }),
  ]);
  return {
    state,
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    email: row.email,
    role: row.role,
    inviterName: inviter?.name ?? null,
    teamNames: teams.map((t) => t.name),
    expiresAt: row.expiresAt,
    accountExists: account !== null,
  };
}
