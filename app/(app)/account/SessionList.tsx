"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { endOtherSessionsAction, endSessionAction } from "./actions";
import { WideTable } from "@/app/_components/WideTable";

export type SessionItem = { id: string; device: string; method: string; createdAt: string; lastSeenAt: string; current: boolean };

export function SessionList({ sessions }: { sessions: SessionItem[] }) {
  const [one, endOne, endingOne] = useActionState<ActionState, FormData>(endSessionAction, { status: "idle" });
  const [all, endAll, endingAll] = useActionState<ActionState>(endOtherSessionsAction, { status: "idle" });
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="stack" style={{ display: "grid", gap: "0.9rem" }}>
      <FormMessage state={one.status !== "idle" ? one : all} />
      <WideTable label="Sessions">
        <table>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-testid={s.current ? "session-current" : "session"}>
                <td>
                  {s.device} <span className="muted">· {s.method}</span>{" "}
                  {s.current ? <span className="badge green">This device</span> : null}
                </td>
                <td>{s.createdAt}</td>
                <td>{s.lastSeenAt}</td>
                <td>
                  {s.current ? null : (
                    <form action={endOne}>
                      <input type="hidden" name="id" value={s.id} />
                      <button type="submit" className="secondary" disabled={endingOne} aria-label={`Sign out ${s.device}, signed in ${s.createdAt}`}>
                        Sign out
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
      {others > 0 ? (
        <form action={endAll}>
          <button type="submit" className="secondary" disabled={endingAll}>
            {endingAll ? "Signing out…" : "Sign out everywhere else"}
          </button>
        </form>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          You are not signed in anywhere else.
        </p>
      )}
    </div>
  );
}
