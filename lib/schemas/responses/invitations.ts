// Responses of the invitations endpoints. Never the link or its hash: the link goes only to the
// invited address.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { count, id, instant } from "./fields";

export const invitationSchema = z.strictObject({
  id,
  email: z.email(),
  role: z.enum(Role),
  teamIds: z.array(id).describe("Teams the person joins on accepting."),
  status: z.enum(["pending", "expired", "accepted", "revoked"]).describe("`expired`: still pending, but its link no longer works; resend it."),
  invitedById: id.nullable().describe("Who sent it last (for a token: the token's creator)."),
  createdAt: instant,
  lastSentAt: instant,
  expiresAt: instant.describe("7 days after it was last sent."),
  sendCount: count,
  acceptedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});

export const invitationPageSchema = z.strictObject({
  data: z.array(invitationSchema).describe("Newest first."),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
});

export const inviteResultSchema = z.strictObject({
  invited: z.array(invitationSchema).describe("New invitations; each address was emailed its link."),
  resent: z.array(invitationSchema).describe("Addresses with a pending invitation: sent again with a new link and expiry (the old link stops working)."),
  alreadyMembers: z.array(z.email()).describe("Addresses of people who are already members: not invited."),
});

export const invitationRevokedSchema = z.strictObject({ data: invitationSchema });
