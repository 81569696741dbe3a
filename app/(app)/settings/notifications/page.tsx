import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { CADENCE, KIND_LABELS, periodLabel } from "@/lib/domain/notifications/schedule";
import { mediumDateTime } from "@/lib/domain/format";
import { pageData } from "@/lib/http/page";
import { notificationSettings, type SendLogRow } from "@/lib/views/notifications";
import { saveScheduleAction, saveWebhookAction } from "./actions";
import { StateForm } from "./StateForm";
import { WideTable } from "@/app/_components/WideTable";

export const metadata: Metadata = { title: "Notifications" };

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Settings → Notifications (admins): when each reminder and digest goes out, team webhooks, the send log. */
export default async function NotificationSettingsPage() {
  const ctx = await requirePageContext();
  const view = await pageData(notificationSettings(await getDb(), ctx));
  const { locale, timeZone } = ctx.organization;
  const log = (rows: SendLogRow[], label: string) =>
    rows.length === 0 ? (
      <p className="empty">Nothing yet.</p>
    ) : (
      <WideTable label={label}>
        <table aria-label={label}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Period</th>
              <th scope="col">Channel</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{mediumDateTime(r.createdAt, locale, timeZone)}</td>
                <td>{KIND_LABELS[r.kind]}</td>
                <td>{periodLabel(r.kind, r.periodKey, locale)}</td>
                <td>{r.channel}</td>
                <td>{r.address}</td>
                <td>{r.status}</td>
                <td>{r.attempts}</td>
                <td>{r.error ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    );
  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        <p className="muted">
          Reminders and digests go out in {ctx.organization.name}&apos;s time zone ({timeZone}), each at most once per person and
          week (or month).
        </p>
      </div>
      <div style={{ display: "grid", gap: "1.25rem" }}>
        <section className="card" aria-labelledby="schedule-title">
          <h2 id="schedule-title">Schedule and defaults</h2>
          {view.schedules.map((s) => (
            <StateForm key={s.kind} action={saveScheduleAction} submit="Save" label={s.label}>
              <input type="hidden" name="kind" value={s.kind} />
              <strong style={{ minWidth: "16rem" }}>{s.label}</strong>
              <label>
                <input type="checkbox" name="enabled" defaultChecked={s.enabled} /> On
              </label>
              <label>
                {CADENCE[s.kind] === "week" ? "Day" : "Day of month"}{" "}
                {CADENCE[s.kind] === "week" ? (
                  <select name="day" defaultValue={String(s.day)}>
                    {DAYS.map((d, i) => (
                      <option key={d} value={i}>{d}</option>
                    ))}
                  </select>
                ) : (
                  <input type="number" name="day" min={1} max={28} defaultValue={s.day} />
                )}
              </label>
              <label>
                Hour <input type="number" name="hour" min={0} max={23} defaultValue={s.hour} />
              </label>
              <label>
                <input type="checkbox" name="email" defaultChecked={s.email} /> Email
              </label>
              <label>
                <input type="checkbox" name="inApp" defaultChecked={s.inApp} /> In the app
              </label>
            </StateForm>
          ))}
        </section>
        <section className="card" aria-labelledby="webhooks-title">
          <h2 id="webhooks-title">Team channels</h2>
          <p className="muted">
            A Slack or Microsoft Teams incoming-webhook URL per team: the team&apos;s reminders are posted there. The URL is kept
            encrypted and never shown again; leave it empty to remove it.
          </p>
          {view.teams.map((t) =>
            (["SLACK", "TEAMS"] as const).map((channel) => (
              <StateForm key={`${t.id}-${channel}`} action={saveWebhookAction} submit="Save" label={`${t.name} ${channel}`}>
                <input type="hidden" name="teamId" value={t.id} />
                <input type="hidden" name="channel" value={channel} />
                <strong style={{ minWidth: "16rem" }}>
                  {t.name} · {channel === "SLACK" ? "Slack" : "Microsoft Teams"} {(channel === "SLACK" ? t.slack : t.teams) ? "(set)" : "(not set)"}
                </strong>
                <input type="url" name="url" placeholder="https://hooks…" aria-label="Webhook URL" />
              </StateForm>
            )),
          )}
        </section>
        <section className="card" aria-labelledby="failed-title">
          <h2 id="failed-title">Failed sends</h2>
          <p className="muted">Retried on the next runs, five times in all; those that still fail stay listed here.</p>
          {log(view.failed, "Failed sends")}
        </section>
        <section className="card" aria-labelledby="log-title">
          <h2 id="log-title">Send log</h2>
          {log(view.recent, "Send log")}
        </section>
      </div>
    </>
  );
}
