import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { pageData } from "@/lib/http/page";
import { notificationsPage } from "@/lib/views/notifications";
import { markReadAction } from "./actions";
import { SubmitButton } from "@/app/_components/SubmitButton";

export const metadata: Metadata = { title: "Notifications" };

/** The bell's page: the caller's reminders and digests, newest first. */
export default async function NotificationsPage() {
  const ctx = await requirePageContext();
  const { items, unread } = await pageData(notificationsPage(await getDb(), ctx));
  const { locale, timeZone } = ctx.organization;
  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        <p className="muted">
          Your reminders and digests. {unread ? `${unread} unread.` : "All read."} Choose what you get in{" "}
          <Link href="/account/notifications">your notification settings</Link>.
        </p>
        {unread ? (
          <form action={markReadAction}>
            <SubmitButton className="secondary">Mark all read</SubmitButton>
          </form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="empty">Nothing yet. Reminders to log your numbers and digests arrive here as well as by email.</p>
      ) : (
        <ul className="card" style={{ listStyle: "none", display: "grid", gap: "1rem" }}>
          {items.map((n) => (
            <li key={n.id} style={{ fontWeight: n.readAt ? "normal" : 600 }}>
              <div>
                <Link href={n.url.replace(/^https?:\/\/[^/]+/, "")}>{n.title}</Link>{" "}
                <span className="muted">{mediumDateTime(n.createdAt, locale, timeZone)}</span>
              </div>
              <p className="muted" style={{ whiteSpace: "pre-line", margin: "0.25rem 0" }}>{n.body}</p>
              {n.readAt ? null : (
                <form action={markReadAction}>
                  <input type="hidden" name="id" value={n.id} />
                  <SubmitButton className="link">Mark read</SubmitButton>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
