"use server";
// The programs' server actions: FormData → the tenant-scoped, audited services in
// lib/services/programs.ts, through runAction so refusals come back as field messages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { fromUtcDate } from "@/lib/domain/calendar/weeks";
import { AppError } from "@/lib/errors";
import { addBenefit, addCost, addIntangible, removeLine, saveProgram } from "@/lib/services/programs";

/** A removal answers with what it removed, so the page can offer to put it back. */
export type RemoveState = ActionState & { undo?: { kind: LineKind; programId: string; fields: Record<string, unknown> } };
type LineKind = "cost" | "benefit" | "intangible";
const LINE_KINDS: readonly string[] = ["cost", "benefit", "intangible"];

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

function programInput(form: FormData) {
  return {
    name: str(form, "name") ?? "",
    description: str(form, "description"),
    startDate: str(form, "startDate"),
    endDate: str(form, "endDate"),
    averageSalary: str(form, "averageSalary"),
    participantTeamIds: form.getAll("participantTeamIds"),
    controlTeamIds: form.getAll("controlTeamIds"),
  };
}

export async function saveProgramAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = str(form, "id") || null;
  let createdId: string | null = null;
  const state = await runAction(async (db, ctx) => {
    const program = await saveProgram(db, ctx, id, programInput(form));
    if (!id) createdId = program.id;
    revalidatePath("/programs");
    return "Saved.";
  });
  // redirect() throws, so it runs outside runAction's catch.
  if (createdId) redirect(`/programs/${createdId}`);
  return state;
}

export async function addCostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const programId = str(form, "programId") ?? "";
  return runAction(async (db, ctx) => {
    await addCost(db, ctx, programId, {
      category: str(form, "category"),
      description: str(form, "description"),
      incurredOn: str(form, "incurredOn"),
      amount: str(form, "amount"),
      hours: str(form, "hours"),
      hourlyRate: str(form, "hourlyRate"),
      cohorts: str(form, "cohorts"),
    });
    revalidatePath(`/programs/${programId}`);
    return "Cost added.";
  });
}

/** The benefit's kind-specific parameters arrive as `p.<name>` fields. */
function benefitInput(form: FormData) {
  const parameters: Record<string, unknown> = { kind: str(form, "kind") };
  for (const [key, value] of form.entries()) if (key.startsWith("p.")) parameters[key.slice(2)] = value;
  return {
    name: str(form, "name") ?? "",
    lagMeasureId: str(form, "lagMeasureId"),
    parameters,
    margin: str(form, "margin"),
    confidence: str(form, "confidence"),
    isolationMethod: str(form, "isolationMethod"),
    estimateShare: str(form, "estimateShare"),
    estimateConfidence: str(form, "estimateConfidence"),
    evidence: str(form, "evidence"),
  };
}

/** Field errors of `parameters.x` are shown next to the `p.x` inputs. */
function parameterErrors(state: ActionState): ActionState {
  if (state.status !== "error") return state;
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(state.fieldErrors)) fieldErrors[key.replace(/^parameters\./, "p.")] = messages;
  return { ...state, fieldErrors };
}

export async function addBenefitAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const programId = str(form, "programId") ?? "";
  const state = await runAction(async (db, ctx) => {
    await addBenefit(db, ctx, programId, benefitInput(form));
    revalidatePath(`/programs/${programId}`);
    return "Benefit line added.";
  });
  return parameterErrors(state);
}

export async function addIntangibleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const programId = str(form, "programId") ?? "";
  return runAction(async (db, ctx) => {
    await addIntangible(db, ctx, programId, { name: str(form, "name") ?? "", note: str(form, "note") });
    revalidatePath(`/programs/${programId}`);
    return "Intangible listed.";
  });
}

/** What to send back to the add services to restore a removed row exactly. */
function restoreFields(kind: LineKind, row: Record<string, unknown>): Record<string, unknown> {
  const day = (d: unknown) => (d instanceof Date ? fromUtcDate(d) : String(d));
  if (kind === "cost") {
    // The stored amount is already ÷ cohorts; the service divides what it is given.
    const cohorts = Number(row.cohorts ?? 1);
    return {
      category: row.category,
      description: row.description,
      incurredOn: day(row.incurredOn),
      amount: row.category === "PARTICIPANT_TIME" ? null : Number(row.amount) * cohorts,
      hours: row.hours,
      hourlyRate: row.hourlyRate,
      cohorts,
    };
  }
  if (kind === "benefit") {
    return {
      name: row.name,
      lagMeasureId: row.lagMeasureId,
      parameters: row.parameters,
      margin: row.margin,
      confidence: row.confidence,
      isolationMethod: row.isolationMethod,
      estimateShare: row.estimateShare,
      estimateConfidence: row.estimateConfidence,
      evidence: row.evidence,
    };
  }
  return { name: row.name, note: row.note };
}

export async function removeLineAction(_prev: RemoveState, form: FormData): Promise<RemoveState> {
  const kind = str(form, "kind") ?? "";
  const id = str(form, "id") ?? "";
  let undo: RemoveState["undo"];
  const state = await runAction(async (db, ctx) => {
    if (!LINE_KINDS.includes(kind)) throw new AppError("validation_failed", "Unknown line.");
    const row = (await removeLine(db, ctx, kind as LineKind, id)) as unknown as Record<string, unknown>;
    const owner = String(row.programId);
    undo = { kind: kind as LineKind, programId: owner, fields: restoreFields(kind as LineKind, row) };
    revalidatePath(`/programs/${owner}`);
    return `Removed “${String(row.name ?? row.description ?? "the line") || "the line"}”.`;
  });
  return { ...state, undo };
}

/** Puts a removed line back (as a new line with the same values). */
export async function undoRemoveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const kind = str(form, "kind") ?? "";
  const programId = str(form, "programId") ?? "";
  let fields: Record<string, unknown> = {};
  try {
    fields = JSON.parse(str(form, "fields") ?? "{}") as Record<string, unknown>;
  } catch {
    return { status: "error", message: "Could not restore the line.", fieldErrors: {} };
  }
  return runAction(async (db, ctx) => {
    if (kind === "cost") await addCost(db, ctx, programId, fields);
    else if (kind === "benefit") await addBenefit(db, ctx, programId, fields);
    else if (kind === "intangible") await addIntangible(db, ctx, programId, fields);
    else throw new AppError("validation_failed", "Unknown line.");
    revalidatePath(`/programs/${programId}`);
    return "Restored.";
  });
}
