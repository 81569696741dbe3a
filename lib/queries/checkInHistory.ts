import "server-only";
// A team's held check-ins, newest week first, each with its notes, decisions and length, who held
// it, and the commitments it reviewed (made for the week before) and made (for its own week).
// Paged by week: a team has at most one check-in a week, so the week is the key.
import type { Db } from "@/lib/db/client";
import type { CommitmentStatus } from "@/lib/generated/prisma/enums";
import { addDays, fromUtcDate, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import { meetingMinutes } from "@/lib/domain/meeting";

export type HistoryCommitment = {
  id: string;
  userId: string;
  userName: string;
  weekStart: IsoDate;
  text: string;
  leadMeasureId: string | null;
  status: CommitmentStatus;
  reason: string;
};

export type HistoryCheckIn = {
  id: string;
  weekStart: IsoDate;
  heldAt: Date;
  heldBy: { userId: string; name: string } | null;
  startedAt: Date | null;
  /** Null when it was marked held without running the meeting. */
  durationMinutes: number | null;
  notes: string;
  decisions: string[];
  reviewed: HistoryCommitment[];
  made: HistoryCommitment[];
};

export async function checkInHistory(
  db: Db,
  params: { organizationId: string; teamId: string; limit: number; before?: IsoDate; withCommitments?: boolean },
): Promise<{ data: HistoryCheckIn[]; nextCursor: string | null }> {
  const { organizationId, teamId, limit } = params;
  const rows = await db.checkIn.findMany({
    where: { organizationId, teamId, ...(params.before ? { weekStart: { lt: toUtcDate(params.before) } } : {}) },
    orderBy: { weekStart: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const weeks = page.map((r) => fromUtcDate(r.weekStart));
  const commitmentWeeks = [...new Set(weeks.flatMap((w) => [w, addDays(w, -7)]))];
  const heldByIds = [...new Set(page.map((r) => r.heldById).filter((id): id is string => id != null))];
  const [commitments, people] = await Promise.all([
    params.withCommitments === false || page.length === 0
      ? []
      : db.commitment.findMany({
          where: { organizationId, teamId, weekStart: { in: commitmentWeeks.map(toUtcDate) } },
          select: { id: true, userId: true, weekStart: true, text: true, leadMeasureId: true, status: true, reason: true, member: { select: { user: { select: { name: true } } } } },
          orderBy: [{ weekStart: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        }),
    heldByIds.length === 0
      ? []
      : db.membership.findMany({ where: { organizationId, userId: { in: heldByIds } }, select: { userId: true, user: { select: { name: true } } } }),
  ]);
  const names = new Map(people.map((p) => [p.userId, p.user.name]));
  const byWeek = new Map<IsoDate, HistoryCommitment[]>();
  for (const c of commitments) {
    const week = fromUtcDate(c.weekStart);
    const list = byWeek.get(week) ?? [];
    byWeek.set(week, list);
    list.push({ id: c.id, userId: c.userId, userName: c.member.user.name, weekStart: week, text: c.text, leadMeasureId: c.leadMeasureId, status: c.status, reason: c.reason });
  }
  const data = page.map((r, i): HistoryCheckIn => ({
    id: r.id,
    weekStart: weeks[i]!,
    heldAt: r.heldAt,
    heldBy: r.heldById && names.has(r.heldById) ? { userId: r.heldById, name: names.get(r.heldById)! } : null,
    startedAt: r.startedAt,
    durationMinutes: r.startedAt ? meetingMinutes(r.startedAt, r.heldAt) : null,
    notes: r.notes,
    decisions: r.decisions,
    reviewed: byWeek.get(addDays(weeks[i]!, -7)) ?? [],
    made: byWeek.get(weeks[i]!) ?? [],
  }));
  return { data, nextCursor: rows.length > limit ? weeks.at(-1)! : null };
}
