import "server-only";
// Everything the check-in page shows for one team and week, loaded in parallel. The check-in
// of week W reviews the commitments made for week W−1 and makes those for week W (check-ins
// are held at the start of the week they plan).
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import type { CommitmentStatus } from "@/lib/generated/prisma/enums";
import { SCORE_WEEKS } from "@/lib/domain/execution";
import { addDays, fromUtcDate, localDay, toUtcDate, weekOf, type IsoDate, type Week } from "@/lib/domain/calendar/weeks";
import { teamExecutionScore } from "@/lib/queries/teamCadence";
import { teamLagScoreboard } from "@/lib/queries/teamLagScoreboard";
import { teamLeadHistory } from "@/lib/queries/teamLeadHistory";
import { checkInAccess, type CheckInAccess } from "@/lib/queries/checkInAccess";
import { checkInHistory } from "@/lib/queries/checkInHistory";
import { meetingMinutes } from "@/lib/domain/meeting";

/** Held check-ins listed under "Check-in history". */
const HISTORY_SHOWN = 6;

export type Person = { userId: string; name: string; isLead: boolean };

export type CommitmentItem = {
  id: string;
  userId: string;
  text: string;
  status: CommitmentStatus;
  reason: string;
  leadMeasureId: string | null;
  measureName: string | null;
  /** Not reviewed yet, and the check-in that reviews it not held: it may still be edited or deleted. */
  changeable: boolean;
};

export type CheckInData = Awaited<ReturnType<typeof loadCheckIn>>;

export async function loadCheckIn(db: Db, ctx: TenantContext, teamId: string, requestedDay: IsoDate | null, now = clock.now()) {
  const access: CheckInAccess = await checkInAccess(db, ctx, teamId);
  const { timeZone, weekStartsOn } = ctx.organization;
  const current = weekOf(localDay(now, timeZone), weekStartsOn);
  // A check-in is held in its week: there is no check-in of a week that has not started.
  const asked = requestedDay ? weekOf(requestedDay, weekStartsOn) : current;
  const week: Week = asked.start > current.start ? current : asked;
  const previous = addDays(week.start, -7);
  const organizationId = ctx.organizationId;

  const key = { organizationId, teamId, weekStart: toUtcDate(week.start) };
  const [members, measures, commitments, checkIn, lags, leadHistory, score, meeting, history, nextHeld] = await Promise.all([
    db.teamMember.findMany({
      where: { organizationId, teamId },
      select: { userId: true, isLead: true, membership: { select: { user: { select: { name: true } } } } },
    }),
    db.teamLeadMeasure.findMany({
      where: { organizationId, teamId, leadMeasure: { archivedAt: null } },
      select: { leadMeasure: { select: { id: true, name: true, unit: true } } },
      orderBy: { leadMeasure: { name: "asc" } },
    }),
    db.commitment.findMany({
      where: { organizationId, teamId, weekStart: { in: [toUtcDate(previous), toUtcDate(week.start)] } },
      select: {
        id: true,
        userId: true,
        weekStart: true,
        text: true,
        status: true,
        reason: true,
        leadMeasureId: true,
        leadMeasure: { select: { name: true } },
      },
      // The id breaks ties (the demo makes a person's commitments in one instant): without it a
      // review's update could move the row, and the list reorder under the lead's hands.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.checkIn.findUnique({
      where: { organizationId_teamId_weekStart: key },
      select: { heldAt: true, heldById: true, startedAt: true, notes: true, decisions: true },
    }),
    teamLagScoreboard(db, { organizationId, teamId, asOf: week.end }),
    teamLeadHistory(db, { organizationId, teamId, firstWeek: addDays(week.start, -7 * (SCORE_WEEKS - 1)), lastWeek: week.start, weekStartsOn }),
    teamExecutionScore(db, { organization: ctx.organization, teamId, teamCreatedAt: access.teamCreatedAt, checkInWeek: week.start, now }),
    db.checkInMeeting.findUnique({
      where: { organizationId_teamId_weekStart: key },
      select: { startedAt: true, step: true, stepStartedAt: true, notes: true, decisions: true },
    }),
    checkInHistory(db, { organizationId, teamId, limit: HISTORY_SHOWN, withCommitments: false }),
    // An earlier week's commitments were reviewed in the check-in of the week after it.
    week.start === current.start
      ? null
      : db.checkIn.findUnique({ where: { organizationId_teamId_weekStart: { ...key, weekStart: toUtcDate(addDays(week.start, 7)) } }, select: { id: true } }),
  ]);

  const people: Person[] = members
    .map((m) => ({ userId: m.userId, name: m.membership.user.name, isLead: m.isLead }))
    .sort((a, b) => Number(b.isLead) - Number(a.isLead) || a.name.localeCompare(b.name));
  const item = (c: (typeof commitments)[number]): CommitmentItem => ({
    id: c.id,
    userId: c.userId,
    text: c.text,
    status: c.status,
    reason: c.reason,
    leadMeasureId: c.leadMeasureId,
    measureName: c.leadMeasure?.name ?? null,
    // Last week's are reviewed in this week's check-in; this week's in next week's.
    changeable: c.status === "OPEN" && !(fromUtcDate(c.weekStart) === previous ? checkIn : nextHeld),
  });
  const heldBy = checkIn?.heldById
    ? await db.membership.findUnique({
        where: { organizationId_userId: { organizationId, userId: checkIn.heldById } },
        select: { user: { select: { name: true } } },
      })
    : null;

  return {
    /** "Now" as the server counts it (the meeting clock in the browser is set by it). */
    now,
    access,
    week,
    previousWeek: weekOf(previous, weekStartsOn),
    isCurrent: week.start === current.start,
    people,
    measures: measures.map((m) => m.leadMeasure),
    lastWeekCommitments: commitments.filter((c) => fromUtcDate(c.weekStart) === previous).map(item),
    thisWeekCommitments: commitments.filter((c) => fromUtcDate(c.weekStart) === week.start).map(item),
    checkIn: checkIn
      ? {
          heldAt: checkIn.heldAt,
          heldByName: heldBy?.user.name ?? null,
          notes: checkIn.notes,
          decisions: checkIn.decisions,
          durationMinutes: checkIn.startedAt ? meetingMinutes(checkIn.startedAt, checkIn.heldAt) : null,
        }
      : null,
    /** The meeting under way for this week, if the lead started one and has not ended it. */
    meeting: checkIn ? null : meeting,
    history: history.data,
    lags,
    leadHistory,
    score,
  };
}
