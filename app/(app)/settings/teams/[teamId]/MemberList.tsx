"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import type { TeamSettingsMember } from "@/lib/views/teamSettings";
import { removeMemberAction, setLeadAction } from "../actions";
import styles from "../teams.module.css";
import { WideTable } from "@/app/_components/WideTable";

const INACTIVE = { deactivated: "deactivated", removed: "removed from the organization" } as const;

/** The team's people: each can be made a lead (who runs the weekly check-in) or taken off the team. */
export function MemberList({ teamId, members, editable }: { teamId: string; members: TeamSettingsMember[]; editable: boolean }) {
  const [leadState, leadAction, leadPending] = useActionState<ActionState, FormData>(setLeadAction, { status: "idle" });
  const [removeState, removeAction, removePending] = useActionState<ActionState, FormData>(removeMemberAction, { status: "idle" });
  if (members.length === 0) {
    return <p className="empty">No one is on this team yet. Add people below.</p>;
  }
  const hidden = (m: TeamSettingsMember) => (
    <>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={m.userId} />
      <input type="hidden" name="name" value={m.name} />
    </>
  );
  return (
    <div className={styles.stack}>
      <FormMessage state={leadState.status !== "idle" ? leadState : removeState} />
      <WideTable label="Members">
        <table>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Lead</th>
              {editable ? (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} data-testid={`member-${m.email}`}>
                <td>
                  {m.name}
                  <div className={`muted ${styles.small}`}>
                    {m.email}
                    {m.inactive ? ` · ${INACTIVE[m.inactive]}` : ""}
                  </div>
                </td>
                <td>
                  {m.isLead ? <span className="badge green">Lead</span> : null}
                  {editable && (m.isLead || !m.inactive) ? (
                    <form action={leadAction} style={{ display: "inline" }}>
                      {hidden(m)}
                      <input type="hidden" name="isLead" value={m.isLead ? "false" : "true"} />
                      <button
                        type="submit"
                        className="link-button"
                        disabled={leadPending}
                        aria-label={m.isLead ? `Stop leading: ${m.name}` : `Make lead: ${m.name}`}
                        style={{ marginLeft: m.isLead ? "0.5rem" : 0 }}
                      >
                        {m.isLead ? "Stop leading" : "Make lead"}
                      </button>
                    </form>
                  ) : null}
                </td>
                {editable ? (
                  <td>
                    <form action={removeAction}>
                      {hidden(m)}
                      <button type="submit" className="link-button" disabled={removePending} aria-label={`Remove ${m.name} from the team`}>
                        Remove
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </div>
  );
}
