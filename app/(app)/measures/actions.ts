"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fromUtcDate } from "@/lib/domain/calendar/weeks";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { recordLagObservation } from "@/lib/services/lagObservations";
import { archiveLagMeasure, archiveLeadMeasure, changeLeadTarget, createLeadMeasure, saveLagMeasure, updateLeadMeasure } from "@/lib/services/measures";

/** Team targets arrive as `track.<teamId>`, `target.<teamId>`, `personTarget.<teamId>` fields. */
function leadInput(form: FormData) {
  const targets: { teamId: string; weeklyTarget: FormDataEntryValue | null; personWeeklyTarget: FormDataEntryValue | null }[] = [];
  for (const [key, value] of form.entries()) {
    if (key.startsWith("track.") && value === "on") {
      const teamId = key.slice("track.".length);
      targets.push({ teamId, weeklyTarget: form.get(`target.${teamId}`), personWeeklyTarget: form.get(`personTarget.${teamId}`) });
    }
  }
  return {
    name: form.get("name"),
    description: form.get("description"),
    unit: form.get("unit"),
    aggregation: form.get("aggregation"),
    activeFrom: form.get("activeFrom"),
    activeTo: form.get("activeTo"),
    ownerIds: form.getAll("ownerIds"),
    targets,
  };
}

/** Errors about `targets.<i>.<field>` are shown next to that team's inputs. */
function errorsByTeam(state: ActionState, targets: { teamId: string }[]): ActionState {
  if (state.status !== "error") return state;
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(state.fieldErrors)) {
    const m = /^targets\.(\d+)\.(weeklyTarget|personWeeklyTarget)$/.exec(key);
    const teamId = m ? targets[Number(m[1])]?.teamId : undefined;
    fieldErrors[teamId ? `${m![2] === "weeklyTarget" ? "target" : "personTarget"}.${teamId}` : key] = messages;
  }
  return { ...state, fieldErrors };
}

export async function saveLeadMeasureAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = String(form.get("id") ?? "");
  const input = leadInput(form);
  let createdId: string | null = null;
  const state = await runAction(async (db, ctx) => {
    if (id) {
      await updateLeadMeasure(db, ctx, id, input);
      revalidatePath("/measures");
      return "Saved.";
    }
    const created = await createLeadMeasure(db, ctx, input);
    createdId = created.id;
    return `Created ${created.name}.`;
  });
  if (createdId) {
    revalidatePath("/measures");
    // The setup wizard adds one measure after another on its own page.
    if (form.get("then") === "setup") {
      revalidatePath("/setup/lead");
      return state;
    }
    redirect(`/measures/lead/${createdId}?created=1`);
  }
  return errorsByTeam(state, input.targets);
}

export async function changeTargetAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const t = await changeLeadTarget(db, ctx, Object.fromEntries(form));
    revalidatePath("/measures");
    return `New target ${t.weeklyTarget} applies from the week of ${fromUtcDate(t.effectiveFrom)}.`;
  });
}

export async function saveLagMeasureAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const id = String(form.get("id") ?? "") || null;
  let createdId: string | null = null;
  const state = await runAction(async (db, ctx) => {
    const input = { ...Object.fromEntries(form), driverIds: form.getAll("driverIds") };
    const m = await saveLagMeasure(db, ctx, id, input);
    if (!id) createdId = m.id;
    revalidatePath("/measures");
    return id ? "Saved." : `Created ${m.name}.`;
  });
  if (createdId && form.get("then") === "setup") revalidatePath("/setup/lag");
  else if (createdId) redirect(`/measures/lag/${createdId}?created=1`);
  return state;
}

export async function archiveMeasureAction(form: FormData): Promise<void> {
  const kind = form.get("kind") === "lag" ? "lag" : "lead";
  const id = String(form.get("id"));
  const archived = form.get("archived") === "true";
  await runAction(async (db, ctx) => {
    await (kind === "lag" ? archiveLagMeasure : archiveLeadMeasure)(db, ctx, id, archived);
    revalidatePath("/measures");
    return archived ? "Archived." : "Restored.";
  });
}

export async function recordObservationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { observation, replaced } = await recordLagObservation(db, ctx, Object.fromEntries(form));
    revalidatePath(`/measures/lag/${observation.lagMeasureId}`);
    const { locale } = ctx.organization;
    const day = formatDay(observation.observedOn, locale);
    return replaced ? `Replaced the value for ${day}.` : `Recorded ${formatNumber(observation.value, locale)} for ${day}.`;
  });
}
