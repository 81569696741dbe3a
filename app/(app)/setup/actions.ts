"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { isSetupStep } from "@/lib/schemas/setup";
import { finishSetup, saveSetupStep, setupTeams } from "@/lib/services/setup";

export async function setupTeamsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let done = false;
  const state = await runAction(async (db, ctx) => {
    const created = await setupTeams(db, ctx, { names: form.get("names") ?? "", joinAsLead: form.get("joinAsLead") });
    done = true;
    return `${created.length} team${created.length === 1 ? "" : "s"} added.`;
  });
  if (done) {
    revalidatePath("/", "layout");
    redirect("/setup/lead");
  }
  return state;
}

/** "Continue" and "Skip this step": the wizard remembers the step it moves to. */
export async function goToStepAction(form: FormData): Promise<void> {
  const to = String(form.get("to") ?? "");
  const state = await runAction(async (db, ctx) => {
    await saveSetupStep(db, ctx, to);
    return "Saved.";
  });
  if (state.status === "ok" && isSetupStep(to)) redirect(`/setup/${to}`);
}

/** "Finish" lands on the first team's page; "Skip setup" on the home page. */
export async function finishSetupAction(form: FormData): Promise<void> {
  const how = form.get("how") === "skip" ? "skip" : "finish";
  let target = "/";
  await runAction(async (db, ctx) => {
    const { firstTeamId } = await finishSetup(db, ctx, how);
    if (how === "finish" && firstTeamId) target = `/teams/${firstTeamId}`;
    return "Done.";
  });
  revalidatePath("/", "layout");
  redirect(target);
}
