import "server-only";
// An organization's invitations, newest first, as the settings page and the REST API show them:
// never the token or its hash. A pending invitation past its expiry reads as "expired".
import type { Db } from "@/lib/db/client";
import type { Invitation, Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { encodeInstantIdCursor, type InstantIdCursor } from "./cursor";

export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

export type InvitationView = {
  id: string;
  email: string;
  role: Role;
  teamIds: string[];
  status: InvitationState;
  invitedById: string | null;
  createdAt: string;
  lastSentAt: string;
  expiresAt: string;
  sendCount: number;
  acceptedAt: string | null;
  revokedAt: string | null;
};

export function invitationState(row: Pick<Invitation, "status" | "expiresAt">, now: Date): InvitationState {
  if (row.status === "ACCEPTED") return "accepted";
  if (row.status === "REVOKED") return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

export function invitationView(row: Invitation, now: Date): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    teamIds: row.teamIds,
    status: invitationState(row, now),
    invitedById: row.invitedById,
    createdAt: row.createdAt.toISOString(),
    lastSentAt: row.lastSentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    sendCount: row.sendCount,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function invitationList(
  db: Db,
  params: { organizationId: string; now: Date; limit: number; after?: InstantIdCursor },
): Promise<{ data: InvitationView[]; nextCursor: string | null }> {
  const where: Prisma.InvitationWhereInput = {
    organizationId: params.organizationId,
    ...(params.after
      ? { OR: [{ createdAt: { lt: params.after.createdAt } }, { createdAt: params.after.createdAt, id: { lt: params.after.id } }] }
      : {}),
  };
  const rows = await db.invitation.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: params.limit + 1 });
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => invitationView(r, params.now)),
    nextCursor: rows.length > params.limit && last ? encodeInstantIdCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
