import "server-only";
// The check-in meeting (meeting mode): the team lead starts it, the agenda moves through four
// steps with a running clock, notes and decisions are drafted as it goes, and ending it records
// the check-in as held with its start, notes and decisions. The meeting under way lives in its
// own row (CheckInMeeting), so a reload or a second screen sees the same clock and step, and a
// CheckIn row keeps meaning "held". Only those who may run the check-in touch the meeting.
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { fromUtcDate, toUtcDate, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { AppError, forbidden, notFound, parseOrThrow, validationError } from "@/lib/errors";
import { endMeetingSchema, meetingNotesSchema, meetingSchema, meetingStepSchema } from "@/lib/schemas/checkIn";
import { checkInAccess } from "@/lib/queries/checkInAccess";
import { meetingMinutes } from "@/lib/domain/meeting";
import { recordAudit } from "./audit";
import { isUniqueViolation, weekProblem } from "./checkIns";

export type MeetingView = {
  id: string;
  teamId: string;
  weekStart: IsoDate;
  startedAt: Date;
  step: number;
  stepStartedAt: Date;
  notes: string;
  decisions: string[];
};

type MeetingRow = Omit<MeetingView, "weekStart"> & { weekStart: Date };

export function meetingView(row: MeetingRow): MeetingView {
  const { id, teamId, startedAt, step, stepStartedAt, notes, decisions } = row;
  return { id, teamId, weekStart: fromUtcDate(row.weekStart), startedAt, step, stepStartedAt, notes, decisions };
}

/** The team, the week and the key of its meeting, for a caller who may run the check-in. */
async function meetingKeyOf(db: Db, ctx: TenantContext, input: { teamId: string; weekStart: string }, now: Date) {
  const access = await checkInAccess(db, ctx, input.teamId);
  if (!access.canRun) throw forbidden("Only the team lead or a manager can run the check-in meeting.");
  const week = weekStart(input.weekStart, ctx.organization.weekStartsOn);
  const problem = weekProblem(ctx, access, week, now);
  if (problem) throw validationError({ weekStart: [problem] });
  return { organizationId: ctx.organizationId, teamId: access.teamId, weekStart: toUtcDate(week) };
}

async function findMeeting(db: Db, key: { organizationId: string; teamId: string; weekStart: Date }) {
  const row = await db.checkInMeeting.findUnique({ where: { organizationId_teamId_weekStart: key } });
  if (!row) throw notFound("No check-in meeting is under way for that week: start one first.");
  return row;
}

/** Starts the week's meeting, or answers the one already under way (a second click resumes it). */
export async function startMeeting(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()): Promise<{ meeting: MeetingView; created: boolean }> {
  const key = await meetingKeyOf(db, ctx, parseOrThrow(meetingSchema, raw), now);
  const held = await db.checkIn.findUnique({ where: { organizationId_teamId_weekStart: key }, select: { id: true } });
  if (held) throw new AppError("conflict", "This week's check-in has already been held.");
  const existing = await db.checkInMeeting.findUnique({ where: { organizationId_teamId_weekStart: key } });
  if (existing) return { meeting: meetingView(existing), created: false };
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.checkInMeeting.create({ data: { ...key, startedAt: now, stepStartedAt: now, startedById: ctx.userId } });
      await recordAudit(tx, ctx, { action: "check_in.meeting.start", entityType: "CheckIn", entityId: created.id, after: meetingView(created) });
      return created;
    });
    return { meeting: meetingView(row), created: true };
  } catch (err) {
    // Two clicks raced: the unique (team, week) key let one through, and its row is the answer.
    if (isUniqueViolation(err)) return { meeting: meetingView(await findMeeting(db, key)), created: false };
    throw err;
  }
}

/** Moves the agenda to a step; its time box starts again when the step changes. */
export async function moveMeetingStep(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()): Promise<MeetingView> {
  const input = parseOrThrow(meetingStepSchema, raw);
  const key = await meetingKeyOf(db, ctx, input, now);
  const row = await findMeeting(db, key);
  if (row.step === input.step) return meetingView(row);
  const updated = await db.checkInMeeting.update({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: row.id } },
    data: { step: input.step, stepStartedAt: now },
  });
  return meetingView(updated);
}

/** Saves the draft notes and decisions (they are audited with the check-in when the meeting ends). */
export async function saveMeetingNotes(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()): Promise<MeetingView> {
  const input = parseOrThrow(meetingNotesSchema, raw);
  const key = await meetingKeyOf(db, ctx, input, now);
  const row = await findMeeting(db, key);
  const updated = await db.checkInMeeting.update({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: row.id } },
    data: { ...(input.notes !== undefined ? { notes: input.notes } : {}), ...(input.decisions ? { decisions: input.decisions } : {}) },
  });
  return meetingView(updated);
}

export type HeldMeeting = { id: string; teamId: string; weekStart: IsoDate; startedAt: Date; heldAt: Date; durationMinutes: number; notes: string; decisions: string[] };

/** Ends the meeting: the week's check-in is recorded as held, with its start, notes and decisions. */
export async function endMeeting(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()): Promise<HeldMeeting> {
  const input = parseOrThrow(endMeetingSchema, raw);
  const key = await meetingKeyOf(db, ctx, input, now);
  const meeting = await findMeeting(db, key);
  const notes = input.notes ?? meeting.notes;
  const decisions = input.decisions ?? meeting.decisions;
  try {
    const held = await db.$transaction(async (tx) => {
      const created = await tx.checkIn.create({
        data: { ...key, heldAt: now, heldById: ctx.userId, startedAt: meeting.startedAt, notes, decisions },
      });
      await tx.checkInMeeting.delete({ where: { organizationId_id: { organizationId: ctx.organizationId, id: meeting.id } } });
      const view: HeldMeeting = {
        id: created.id,
        teamId: created.teamId,
        weekStart: fromUtcDate(created.weekStart),
        startedAt: meeting.startedAt,
        heldAt: created.heldAt,
        durationMinutes: meetingMinutes(meeting.startedAt, created.heldAt),
        notes,
        decisions,
      };
      await recordAudit(tx, ctx, { action: "check_in.hold", entityType: "CheckIn", entityId: created.id, after: view });
      return view;
    });
    return held;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "This week's check-in has already been held.");
    throw err;
  }
}
