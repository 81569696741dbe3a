import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { pageData } from "@/lib/http/page";
import { outboxEmailView } from "@/lib/views/outbox";
import { EmailStatus } from "../EmailStatus";
import { RowActionButton } from "@/app/_components/RowActionButton";
import { resendOutboxEmail } from "../actions";
import { SmtpStatus } from "../SmtpStatus";

export const metadata: Metadata = { title: "Email" };

type Props = { params: Promise<{ emailId: string }> };

/** One email of the outbox: its plain text, and its HTML as the recipient's mail program shows it. */
export default async function OutboxEmailPage({ params }: Props) {
  const ctx = await requirePageContext();
  const { emailId } = await params;
  const { email, smtpConfigured } = await pageData(outboxEmailView(await getDb(), ctx, emailId));
  const { locale, timeZone } = ctx.organization;
  return (
    <article aria-labelledby="email-subject">
      <div className="page-head">
        <p>
          <Link href="/settings/outbox">← Outbox</Link>
        </p>
        <h1 id="email-subject">{email.subject}</h1>
        <SmtpStatus configured={smtpConfigured} />
      </div>
      <div style={{ display: "grid", gap: "1.25rem", gridTemplateColumns: "minmax(0, 1fr)" }}>
        <section className="card" aria-label="Details">
          <dl style={{ display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", gap: "0.4rem 1rem", margin: 0 }}>
            <dt className="muted">To</dt>
            <dd style={{ margin: 0, overflowWrap: "anywhere" }}>{email.to}</dd>
            <dt className="muted">Kind</dt>
            <dd style={{ margin: 0 }}>{email.kind}</dd>
            <dt className="muted">Written</dt>
            <dd style={{ margin: 0 }}>{mediumDateTime(email.createdAt, locale, timeZone)}</dd>
            <dt className="muted">Status</dt>
            <dd style={{ margin: 0 }}>
              <EmailStatus status={email.status} error={email.error} />
              {email.sentAt ? <span className="muted"> {mediumDateTime(email.sentAt, locale, timeZone)}</span> : null}
            </dd>
          </dl>
          {email.resendable ? (
            <div style={{ marginTop: "1rem" }}>
              <RowActionButton action={resendOutboxEmail} id={email.id} label={`Resend "${email.subject}" to ${email.to}`} text="Resend" pendingText="Sending…" />
            </div>
          ) : null}
        </section>
        <section className="card" aria-labelledby="text-title">
          <h2 id="text-title">Plain text</h2>
          <pre data-testid="email-text" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0, fontFamily: "inherit" }}>
            {email.text}
          </pre>
        </section>
        <section className="card" aria-labelledby="html-title">
          <h2 id="html-title">HTML</h2>
          {/* An empty sandbox: the email's HTML runs no script, submits no form and cannot reach this page. */}
          <iframe
            sandbox=""
            srcDoc={email.html}
            title={`HTML version of "${email.subject}"`}
            style={{ width: "100%", height: "28rem", border: "1px solid var(--border)", borderRadius: "8px", background: "#fff" }}
          />
        </section>
      </div>
    </article>
  );
}
