"use client";
// Inviting people: pasted addresses or a CSV file, a role the inviter may give, and teams. Also
// embedded by the setup wizard's "invite people" step.
import { useEffect, useRef } from "react";
import { FieldError, FormMessage, SelectField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import type { InvitableRole } from "@/lib/schemas/invitations";
import { invitePeople } from "./actions";
import { ROLE_LABELS } from "./roleLabels";

export type InviteFormProps = {
  teams: { id: string; name: string }[];
  /** The roles the inviter may give (lib/views/invitationsPage.ts). */
  roles: InvitableRole[];
  defaultRole?: InvitableRole;
};

export function InviteForm({ teams, roles, defaultRole = "MEMBER" }: InviteFormProps) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(invitePeople, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "ok") formRef.current?.reset();
  }, [state]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const role = roles.includes(defaultRole) ? defaultRole : roles.at(-1);

  return (
    <form ref={formRef} className="stack" onSubmit={onSubmit} noValidate aria-label="Invite people">
      <FormMessage state={state} />
      <div className="field">
        <label htmlFor="invite-emails">Email addresses</label>
        <textarea
          id="invite-emails"
          name="emails"
          rows={4}
          placeholder={"ana@example.com, ben@example.com\nCarla Diaz <carla@example.com>"}
          aria-invalid={errors.emails ? true : undefined}
          aria-describedby={errors.emails ? "invite-emails-error" : "invite-emails-hint"}
        />
        <p id="invite-emails-hint" className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>
          One or many, separated by commas, semicolons or new lines.
        </p>
        <FieldError id="invite-emails-error" errors={errors.emails} />
      </div>
      <div className="field">
        <label htmlFor="invite-file">Or upload a CSV file</label>
        <input
          id="invite-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={errors.file ? "invite-file-error" : "invite-file-hint"}
        />
        <p id="invite-file-hint" className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>
          Columns <code>email</code>, and optionally <code>role</code> and <code>teams</code> (team names separated by |). Blank cells
          take the role and teams below.
        </p>
        <FieldError id="invite-file-error" errors={errors.file} />
      </div>
      <SelectField id="invite-role" label="Role" name="role" defaultValue={role} errors={errors.role}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      {teams.length > 0 ? (
        <fieldset aria-describedby={errors.teamIds ? "invite-teams-error" : undefined}>
          <legend>Teams</legend>
          <div className="checks">
            {teams.map((t) => (
              <label key={t.id}>
                <input type="checkbox" name="teamIds" value={t.id} /> {t.name}
              </label>
            ))}
          </div>
          <FieldError id="invite-teams-error" errors={errors.teamIds} />
        </fieldset>
      ) : null}
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitations"}
        </button>
      </div>
    </form>
  );
}
