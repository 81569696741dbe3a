"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { addTeamMembers, removeTeamMember, setTeamLead } from "@/lib/services/teamMembers";
import { trackLeadMeasure, untrackLeadMeasure } from "@/lib/services/teamMeasures";
import { createTeam, renameTeam, setTeamArchived } from "@/lib/services/teams";

const teamIdOf = (form: FormData) => String(form.get("teamId") ?? "");
/** The list and every team's settings page show what changed. */
const refresh = () => revalidatePath("/settings/teams", "layout");

export async function createTeamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let createdId: string | null = null;
  const state = await runAction(async (db, ctx) => {
    createdId = (await createTeam(db, ctx, { name: form.get("name") })).id;
    refresh();
    return "Created.";
  });
  if (createdId) redirect(`/settings/teams/${createdId}?created=1`);
  return state;
}

export async function renameTeamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const team = await renameTeam(db, ctx, teamIdOf(form), { name: form.get("name") });
    refresh();
    return `Renamed to ${team.name}.`;
  });
}

export async function archiveTeamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const team = await setTeamArchived(db, ctx, teamIdOf(form), form.get("archived") === "true");
    refresh();
    return team.archived ? `${team.name} is archived.` : `${team.name} is active again.`;
  });
}

export async function addMembersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { added } = await addTeamMembers(db, ctx, teamIdOf(form), { userIds: form.getAll("userIds") });
    refresh();
    return added === 1 ? "Added 1 person." : `Added ${added} people.`;
  });
}

export async function removeMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    await removeTeamMember(db, ctx, teamIdOf(form), String(form.get("userId") ?? ""));
    refresh();
    return `${String(form.get("name") ?? "They")} is no longer on the team.`;
  });
}

export async function setLeadAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { isLead } = await setTeamLead(db, ctx, teamIdOf(form), { userId: form.get("userId"), isLead: form.get("isLead") });
    refresh();
    return `${String(form.get("name") ?? "They")} ${isLead ? "now leads the team" : "is no longer a team lead"}.`;
  });
}

export async function trackMeasureAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const input = { leadMeasureId: form.get("leadMeasureId"), weeklyTarget: form.get("weeklyTarget"), personWeeklyTarget: form.get("personWeeklyTarget") };
    const result = await trackLeadMeasure(db, ctx, teamIdOf(form), input);
    refresh();
    return result.started ? `The team now tracks it: ${result.weeklyTarget} a week.` : `Target ${result.weeklyTarget} a week from this week on.`;
  });
}

export async function untrackMeasureAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    await untrackLeadMeasure(db, ctx, teamIdOf(form), String(form.get("leadMeasureId") ?? ""));
    refresh();
    return `The team no longer tracks ${String(form.get("name") ?? "it")}.`;
  });
}
