import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { myNotificationPreferences } from "@/lib/views/notifications";
import { saveNotificationPreferencesAction } from "./actions";
import { PreferencesForm } from "./PreferencesForm";

export const metadata: Metadata = { title: "Your notifications" };

/** Account → Notifications: which reminders and digests come to you, and how; quiet while on leave. */
export default async function NotificationPreferencesPage() {
  const ctx = await requirePageContext();
  const prefs = await pageData(myNotificationPreferences(await getDb(), ctx));
  return (
    <>
      <div className="page-head">
        <h1>Your notifications</h1>
        <p className="muted">For {ctx.organization.name}. Unticked is never sent; the rest follow the organization&apos;s schedule.</p>
      </div>
      <section className="card">
        <PreferencesForm rows={prefs.rows} onLeaveUntil={prefs.onLeaveUntil} action={saveNotificationPreferencesAction} />
      </section>
    </>
  );
}
