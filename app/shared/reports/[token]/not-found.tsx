import Link from "@/app/_components/Link";

/** A share link that was revoked, has expired, or never existed: the same words, nothing of any report. */
export default function SharedReportGone() {
  return (
    <main className="auth-wrap">
      <div className="card auth-card" style={{ display: "grid", gap: "0.9rem" }}>
        <h1>This link is no longer valid</h1>
        <p className="muted" style={{ margin: 0 }}>
          The report it opened was shared for a limited time, or the link was revoked. Ask the person who sent it for a new one.
        </p>
        <Link href="/sign-in">Sign in to Leadlag</Link>
      </div>
    </main>
  );
}
