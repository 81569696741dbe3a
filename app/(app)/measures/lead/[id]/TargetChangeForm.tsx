"use client";

import { useFormAction } from "@/app/_components/useFormAction";
import { FormMessage, TextField } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { changeTargetAction } from "../../actions";

type Team = { teamId: string; teamName: string; weeklyTarget: number; personWeeklyTarget: number | null };

export function TargetChangeForm({ leadMeasureId, team, defaultWeek }: { leadMeasureId: string; team: Team; defaultWeek: string }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(changeTargetAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const p = `t-${team.teamId}`;
  return (
    <form onSubmit={onSubmit} className="stack" aria-label={`Target for ${team.teamName}`}>
      <h3 style={{ margin: "0.5rem 0 0", fontSize: "1rem" }}>
        {team.teamName} <span className="muted">(now {team.weeklyTarget} a week)</span>
      </h3>
      <input type="hidden" name="leadMeasureId" value={leadMeasureId} />
      <input type="hidden" name="teamId" value={team.teamId} />
      <div className="row">
        <TextField id={`${p}-w`} label="Team target" name="weeklyTarget" inputMode="decimal" defaultValue={team.weeklyTarget} errors={errors.weeklyTarget} />
        <TextField
          id={`${p}-p`}
          label="Per person"
          name="personWeeklyTarget"
          inputMode="decimal"
          defaultValue={team.personWeeklyTarget ?? ""}
          errors={errors.personWeeklyTarget}
        />
        <TextField id={`${p}-f`} label="From the week of" name="effectiveFrom" type="date" defaultValue={defaultWeek} errors={errors.effectiveFrom} />
      </div>
      <FormMessage state={state} />
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change target"}
      </button>
    </form>
  );
}
