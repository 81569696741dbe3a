"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { isCalendarDay } from "@/lib/domain/calendar/range";
import { AppError, type Problem } from "@/lib/errors";
import { createLeadEntry, deleteLeadEntry, setLeadCells, type LeadEntryView } from "@/lib/services/leadEntries";
import { createLeadEntrySchema } from "@/lib/schemas/leadEntry";

/**
 * Saves the cells of "my week" that changed: fields named `cell.<measureId>.<date>`; an empty
 * field clears the day. Problems come back per cell name.
 */
export async function saveWeekAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const teamId = String(form.get("teamId") ?? "");
  const userId = String(form.get("userId") ?? "");
  const cells: { name: string; leadMeasureId: string; entryDate: string; raw: string }[] = [];
  for (const [key, value] of form.entries()) {
    const m = /^cell\.([0-9a-f-]{36})\.(\d{4}-\d{2}-\d{2})$/.exec(key);
    // A day outside the calendar (2026-02-31, 0001-01-01) names no cell of the grid: ignored.
    if (m && isCalendarDay(m[2]!) && form.get(`was.${m[1]}.${m[2]}`) !== value) cells.push({ name: key, leadMeasureId: m[1]!, entryDate: m[2]!, raw: String(value) });
  }
  if (cells.length === 0) return { status: "ok", message: "Nothing changed." };
  // Each value is checked like the log form checks it, so messages match.
  const fieldErrors: Record<string, string[]> = {};
  const parsed = cells.map((c) => {
    if (c.raw.trim() === "") return { ...c, value: null };
    const r = createLeadEntrySchema.shape.value.safeParse(c.raw);
    if (!r.success) fieldErrors[c.name] = r.error.issues.map((i) => i.message);
    return { ...c, value: r.success ? r.data : null };
  });
  if (Object.keys(fieldErrors).length) return { status: "error", message: "Some days need attention.", fieldErrors };
  const state = await runAction(async (db, ctx) => {
    try {
      await setLeadCells(
        db,
        ctx,
        parsed.map((c) => ({ userId, teamId, leadMeasureId: c.leadMeasureId, entryDate: c.entryDate, value: c.value })),
        { source: "MANUAL" },
      );
    } catch (err) {
      const problems = err instanceof AppError ? (err.details?.problems as Problem[] | undefined) : undefined;
      if (!problems) throw err;
      const byCell: Record<string, string[]> = {};
      for (const p of problems) (byCell[parsed[p.index]!.name] ??= []).push(p.message);
      throw new AppError("validation_failed", "Some days need attention.", { fieldErrors: byCell });
    }
    revalidatePath(`/teams/${teamId}`);
    return `Saved ${cells.length} day${cells.length === 1 ? "" : "s"}.`;
  });
  return state;
}

export type DeleteState = ActionState & { deleted?: LeadEntryView };

export async function deleteEntryAction(_prev: DeleteState, form: FormData): Promise<DeleteState> {
  let deleted: LeadEntryView | undefined;
  const state = await runAction(async (db, ctx) => {
    deleted = await deleteLeadEntry(db, ctx, String(form.get("id") ?? ""));
    revalidatePath(`/teams/${deleted.teamId}`);
    return "Entry deleted.";
  });
  return { ...state, deleted };
}

/** Undo of a delete: the entry comes back (as a new row with the same values). */
export async function restoreEntryAction(_prev: DeleteState, form: FormData): Promise<DeleteState> {
  return runAction(async (db, ctx) => {
    const { entry } = await createLeadEntry(db, ctx, Object.fromEntries(form));
    revalidatePath(`/teams/${entry.teamId}`);
    return "Entry restored.";
  });
}
