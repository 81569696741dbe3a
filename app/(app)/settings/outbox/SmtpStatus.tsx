/** Whether emails leave the server, in one sentence, on every outbox page. */
export function SmtpStatus({ configured, from }: { configured: boolean; from?: string }) {
  return configured ? (
    <p className="muted" data-testid="smtp-status">
      Emails are sent through the SMTP server set in <code>SMTP_URL</code>
      {from ? (
        <>
          , from <strong>{from}</strong>
        </>
      ) : null}
      .
    </p>
  ) : (
    <p className="muted" data-testid="smtp-status">
      No SMTP server is configured: emails are only stored here, and their links are printed to the server log. Set{" "}
      <code>SMTP_URL</code> to send them.
    </p>
  );
}
