"use client";

import Link from "@/app/_components/Link";
import { useActionState, useEffect, useRef, useState } from "react";
import { useFormAction } from "@/app/_components/useFormAction";
import { FormMessage, SelectField, TextField } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import type { TeamSettingsPage } from "@/lib/views/teamSettings";
import { trackMeasureAction, untrackMeasureAction } from "../actions";
import styles from "../teams.module.css";

type Tracked = TeamSettingsPage["measures"][number];
type Available = TeamSettingsPage["available"][number];

/** The team and per-person targets of one measure; for a new one, the measure to track too. */
function TargetForm({ teamId, measure, available }: { teamId: string; measure: Tracked | null; available: Available[] }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(trackMeasureAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const p = measure ? `m-${measure.leadMeasureId}` : "new-measure";
  const ref = useRef<HTMLFormElement>(null);
  // Once tracked, the measure leaves the choices: the form starts over for the next one.
  useEffect(() => {
    if (!measure && state.status === "ok") ref.current?.reset();
  }, [measure, state]);
  return (
    <form ref={ref} onSubmit={onSubmit} className="stack" aria-label={measure ? `Targets for ${measure.name}` : "Track a lead measure"}>
      <input type="hidden" name="teamId" value={teamId} />
      {measure ? (
        <input type="hidden" name="leadMeasureId" value={measure.leadMeasureId} />
      ) : (
        <SelectField id={`${p}-id`} label="Lead measure" name="leadMeasureId" defaultValue="" required errors={errors.leadMeasureId}>
          <option value="" disabled>
            Choose a measure…
          </option>
          {available.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.unit ? ` (${m.unit})` : ""}
            </option>
          ))}
        </SelectField>
      )}
      <div className="row">
        <TextField
          id={`${p}-w`}
          label="Weekly target for the team"
          name="weeklyTarget"
          inputMode="decimal"
          required
          defaultValue={measure?.weeklyTarget ?? ""}
          errors={errors.weeklyTarget}
        />
        <TextField
          id={`${p}-p`}
          label="Per person (optional)"
          name="personWeeklyTarget"
          inputMode="decimal"
          defaultValue={measure?.personWeeklyTarget ?? ""}
          errors={errors.personWeeklyTarget}
        />
      </div>
      <FormMessage state={state} />
      <div>
        <button type="submit" className={measure ? "secondary" : undefined} disabled={pending}>
          {pending ? "Saving…" : measure ? "Change target" : "Track measure"}
        </button>
      </div>
    </form>
  );
}

/** Stopping asks once more: the measure's targets for this team go (its entries stay). */
function StopTracking({ teamId, measure }: { teamId: string; measure: Tracked }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(untrackMeasureAction, { status: "idle" });
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div>
        <button type="button" className="link-button" onClick={() => setConfirming(true)} aria-label={`Stop tracking ${measure.name}…`}>
          Stop tracking…
        </button>
      </div>
    );
  }
  return (
    <form action={action} className="row" style={{ alignItems: "center" }} aria-label={`Confirm: stop tracking ${measure.name}`}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="leadMeasureId" value={measure.leadMeasureId} />
      <input type="hidden" name="name" value={measure.name} />
      <span>It leaves the team&apos;s scoreboard with its targets; logged entries stay.</span>
      <button type="submit" disabled={pending} style={{ background: "var(--red)" }}>
        {pending ? "Stopping…" : "Yes, stop tracking"}
      </button>
      <button type="button" className="secondary" onClick={() => setConfirming(false)} autoFocus>
        Cancel
      </button>
      <FormMessage state={state} />
    </form>
  );
}

export function TrackedMeasures({ teamId, measures, available, editable }: { teamId: string; measures: Tracked[]; available: Available[]; editable: boolean }) {
  return (
    <div className={styles.stack}>
      {measures.length === 0 ? (
        <p className="empty">This team tracks no lead measures yet.</p>
      ) : (
        <ul className={styles.measures}>
          {measures.map((m) => (
            <li key={m.leadMeasureId} data-testid={`tracked-${m.name}`}>
              <strong>
                {m.name}
                {m.archived ? <span className="muted"> (measure archived)</span> : null}
              </strong>
              {editable && !m.archived ? (
                <>
                  <TargetForm teamId={teamId} measure={m} available={[]} />
                  <StopTracking teamId={teamId} measure={m} />
                </>
              ) : (
                <span className="muted">
                  {m.weeklyTarget} {m.unit || "units"} a week{m.personWeeklyTarget != null ? `, ${m.personWeeklyTarget} per person` : ""}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        available.length > 0 ? (
          <section aria-labelledby="track-title" className={styles.stack}>
            <h3 id="track-title" style={{ margin: 0, fontSize: "1rem" }}>
              Track a lead measure
            </h3>
            <TargetForm teamId={teamId} measure={null} available={available} />
          </section>
        ) : (
          <p className="muted">
            The team tracks every lead measure there is. Define another on the <Link href="/measures/lead/new">Measures</Link> page.
          </p>
        )
      ) : null}
    </div>
  );
}
