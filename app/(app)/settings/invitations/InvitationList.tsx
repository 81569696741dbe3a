"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { resendInvitationAction, revokeInvitationAction } from "./actions";
import { WideTable } from "@/app/_components/WideTable";

export type InvitationItem = {
  id: string;
  email: string;
  role: string;
  teamNames: string[];
  status: "pending" | "expired" | "accepted" | "revoked";
  /** Formatted for the organization's locale and time zone. */
  sent: string;
  sendCount: number;
  expires: string;
  settled: string | null;
  invitedBy: string | null;
  manageable: boolean;
};

const BADGE = { pending: "amber", expired: "none", accepted: "green", revoked: "red" } as const;

export function InvitationList({ invitations }: { invitations: InvitationItem[] }) {
  const [resent, resend, resending] = useActionState<ActionState, FormData>(resendInvitationAction, { status: "idle" });
  const [revoked, revoke, revoking] = useActionState<ActionState, FormData>(revokeInvitationAction, { status: "idle" });
  if (invitations.length === 0) {
    return <p className="empty">No invitations yet. Invite your colleagues above: they get an email with a link that works for 7 days.</p>;
  }
  return (
    <div className="stack">
      <FormMessage state={resent.status !== "idle" ? resent : revoked} />
      <WideTable label="Invitations">
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Teams</th>
              <th scope="col">Status</th>
              <th scope="col">Sent</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id} data-testid={`invitation-${i.email}`}>
                <td>{i.email}</td>
                <td>{i.role.toLowerCase()}</td>
                <td>{i.teamNames.join(", ") || <span className="muted">None</span>}</td>
                <td>
                  <span className={`badge ${BADGE[i.status]}`}>{i.status}</span>
                  <span className="muted" style={{ fontSize: "0.85rem" }}>
                    {" "}
                    {i.status === "pending" ? `until ${i.expires}` : i.status === "expired" ? `on ${i.expires}` : i.settled}
                  </span>
                </td>
                <td>
                  {i.sent}
                  {i.sendCount > 1 ? <span className="muted"> ({i.sendCount}×)</span> : null}
                  {i.invitedBy ? <span className="muted"> by {i.invitedBy}</span> : null}
                </td>
                <td>
                  {i.manageable && (i.status === "pending" || i.status === "expired") ? (
                    <div className="row" style={{ flexWrap: "nowrap" }}>
                      <form action={resend}>
                        <input type="hidden" name="id" value={i.id} />
                        <button type="submit" className="secondary" disabled={resending} aria-label={`Resend to ${i.email}`}>
                          Resend
                        </button>
                      </form>
                      <form action={revoke}>
                        <input type="hidden" name="id" value={i.id} />
                        <button type="submit" className="secondary" disabled={revoking} aria-label={`Revoke the invitation to ${i.email}`}>
                          Revoke
                        </button>
                      </form>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </div>
  );
}
