import "server-only";
// The audit trail: who changed what, when, with the row before and after. Written inside the
// same transaction as the change it records.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TenantContext } from "@/lib/auth/tenant";

type Tx = Prisma.TransactionClient;

/** Dates and other values as they would appear in JSON. */
function snapshot(row: object | null | undefined): Prisma.InputJsonValue | undefined {
  return row ? (JSON.parse(JSON.stringify(row)) as Prisma.InputJsonValue) : undefined;
}

export async function recordAudit(
  tx: Tx,
  ctx: Pick<TenantContext, "organizationId" | "userId">,
  event: { action: string; entityType: string; entityId: string; before?: object | null; after?: object | null },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: ctx.organizationId,
      actorId: ctx.userId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: snapshot(event.before),
      after: snapshot(event.after),
    },
  });
}
