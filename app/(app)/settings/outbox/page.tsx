import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { pageData } from "@/lib/http/page";
import { outboxView, OUTBOX_PAGE_SIZE } from "@/lib/views/outbox";
import { EmailStatus } from "./EmailStatus";
import { RowActionButton } from "@/app/_components/RowActionButton";
import { resendOutboxEmail } from "./actions";
import { SmtpStatus } from "./SmtpStatus";
import { WideTable } from "@/app/_components/WideTable";

export const metadata: Metadata = { title: "Outbox" };

/** Every email Leadlag sent (or only stored) for this organization, newest first. Admins only. */
export default async function OutboxPage() {
  const ctx = await requirePageContext();
  const view = await pageData(outboxView(await getDb(), ctx));
  const { locale, timeZone } = ctx.organization;
  return (
    <>
      <div className="page-head">
        <h1>Outbox</h1>
        <p className="muted">
          The emails Leadlag sent for {ctx.organization.name}, newest first. A password reset is its person&apos;s alone and never
          shows here.
        </p>
        <SmtpStatus configured={view.smtpConfigured} from={view.from} />
      </div>
      {view.emails.length === 0 ? (
        <p className="empty">
          No emails yet. Invitations appear here; with no SMTP server configured they are only stored here — set <code>SMTP_URL</code>{" "}
          to send them.
        </p>
      ) : (
        <section className="card" aria-label="Emails">
          <WideTable label="Emails">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">To</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  {view.smtpConfigured ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {view.emails.map((e) => (
                  <tr key={e.id} data-testid={`email-${e.id}`}>
                    <td style={{ whiteSpace: "nowrap" }}>{mediumDateTime(e.createdAt, locale, timeZone)}</td>
                    <td style={{ overflowWrap: "anywhere" }}>{e.to}</td>
                    <td>{e.kind}</td>
                    <td>
                      <Link href={`/settings/outbox/${e.id}`}>{e.subject}</Link>
                    </td>
                    <td>
                      <EmailStatus status={e.status} error={e.error} />
                    </td>
                    {view.smtpConfigured ? <td>{e.resendable ? <RowActionButton action={resendOutboxEmail} id={e.id} label={`Resend "${e.subject}" to ${e.to}`} text="Resend" pendingText="Sending…" /> : null}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </WideTable>
          {view.truncated ? <p className="muted">Showing the newest {OUTBOX_PAGE_SIZE} emails.</p> : null}
        </section>
      )}
    </>
  );
}
