import "server-only";
// The check-in and commitment endpoints of the REST API, over the check-in services and the
// history query: who may read and change what is the check-in page's (lib/queries/checkInAccess.ts),
// and another organization's team or commitment is a 404.
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { toUtcDate, weekStart } from "@/lib/domain/calendar/weeks";
import { parseOrThrow } from "@/lib/errors";
import { checkInAccess } from "@/lib/queries/checkInAccess";
import { checkInHistory, type HistoryCheckIn } from "@/lib/queries/checkInHistory";
import { apiCreateCommitmentsSchema, apiEditCommitmentSchema, listCheckInsQuerySchema, listCommitmentsQuerySchema } from "@/lib/schemas/apiCheckIn";
import { commitmentView, createCommitments, currentWeek, deleteCommitment, editCommitment } from "@/lib/services/checkIns";

function checkInJson(c: HistoryCheckIn) {
  return { ...c, heldAt: c.heldAt.toISOString(), startedAt: c.startedAt?.toISOString() ?? null };
}

/** GET /api/v1/teams/{teamId}/check-ins: the team's held check-ins, newest first, a page at a time. */
export async function listCheckIns(db: Db, ctx: TenantContext, teamId: string, query: Record<string, string>) {
  const access = await checkInAccess(db, ctx, teamId);
  const q = parseOrThrow(listCheckInsQuerySchema, query);
  const page = await checkInHistory(db, { organizationId: ctx.organizationId, teamId: access.teamId, limit: q.limit, before: q.cursor });
  return { data: page.data.map(checkInJson), nextCursor: page.nextCursor };
}

/** GET /api/v1/teams/{teamId}/commitments: one week's commitments (this week's by default). */
export async function listCommitments(db: Db, ctx: TenantContext, teamId: string, query: Record<string, string>) {
  const access = await checkInAccess(db, ctx, teamId);
  const q = parseOrThrow(listCommitmentsQuerySchema, query);
  const week = q.week ? weekStart(q.week, ctx.organization.weekStartsOn) : currentWeek(ctx, clock.now());
  const rows = await db.commitment.findMany({
    where: { organizationId: ctx.organizationId, teamId: access.teamId, weekStart: toUtcDate(week) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { week, data: rows.map(commitmentView) };
}

/** POST /api/v1/teams/{teamId}/commitments: one or two a person for a week, as the check-in page makes them. */
export async function addCommitments(db: Db, ctx: TenantContext, teamId: string, body: unknown) {
  const input = parseOrThrow(apiCreateCommitmentsSchema, body);
  const items = input.items.map((i) => ({ userId: i.userId, text: i.text, leadMeasureId: i.leadMeasureId ?? undefined }));
  return { data: await createCommitments(db, ctx, { teamId, weekStart: input.weekStart, items }) };
}

/** PATCH /api/v1/commitments/{commitmentId}: new text or lead measure, before the meeting that reviews it. */
export async function changeCommitment(db: Db, ctx: TenantContext, commitmentId: string, body: unknown) {
  const input = parseOrThrow(apiEditCommitmentSchema, body);
  return { data: await editCommitment(db, ctx, { commitmentId, text: input.text, leadMeasureId: input.leadMeasureId ?? undefined }) };
}

/** DELETE /api/v1/commitments/{commitmentId}: before the meeting that reviews it; answers what was deleted. */
export async function removeCommitment(db: Db, ctx: TenantContext, commitmentId: string) {
  return { data: await deleteCommitment(db, ctx, { commitmentId }) };
}

