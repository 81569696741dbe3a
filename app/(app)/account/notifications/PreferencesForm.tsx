"use client";

import { useActionState } from "react";
import { DateInput } from "@/app/_components/DateInput";
import type { ActionState } from "@/lib/http/runAction";
import type { PreferenceRow } from "@/lib/views/notifications";
import { WideTable } from "@/app/_components/WideTable";

export function PreferencesForm(props: {
  rows: PreferenceRow[];
  onLeaveUntil: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, action, pending] = useActionState(props.action, { status: "idle" } as ActionState);
  return (
    <form action={action} style={{ display: "grid", gap: "1rem" }}>
      <WideTable label="Notification preferences">
        <table>
          <thead>
            <tr>
              <th scope="col">Reminder or digest</th>
              <th scope="col">Email</th>
              <th scope="col">In the app</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.kind}>
                <th scope="row">{r.label}</th>
                <td>
                  <input type="checkbox" name={`${r.kind}:EMAIL`} defaultChecked={r.email} aria-label={`${r.label} by email`} />
                </td>
                <td>
                  <input type="checkbox" name={`${r.kind}:IN_APP`} defaultChecked={r.inApp} aria-label={`${r.label} in the app`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
      <label>
        On leave until (nothing is sent to you through this day)
        <DateInput id="on-leave-until" name="onLeaveUntil" defaultValue={props.onLeaveUntil} />
      </label>
      {state.status === "error" ? (
        <p role="alert" className="error">
          {state.message} {Object.values(state.fieldErrors).flat().join(" ")}
        </p>
      ) : state.status === "ok" ? (
        <p role="status">{state.message}</p>
      ) : null}
      <div>
        <button type="submit" disabled={pending}>Save</button>
      </div>
    </form>
  );
}
