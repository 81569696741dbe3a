// An email as Leadlag writes it: plain text and HTML from the same parts, so every message reads
// the same in both. Pure: lib/services/email.ts stores and sends it.

export type EmailMessage = {
  /** "invitation", "password-reset", … */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The links the message carries, printed to the server log when no SMTP server is set. */
  links: string[];
  /** Extra headers (List-Unsubscribe on reminders and digests). */
  headers?: Record<string, string>;
};

export type EmailParts = {
  kind: string;
  to: string;
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** The one thing to do. */
  action?: { label: string; url: string };
  /** Small print under the action (why you got this, when the link expires). */
  footer?: string[];
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function composeEmail(parts: EmailParts): EmailMessage {
  const { action, footer = [] } = parts;
  const text = [
    ...parts.paragraphs,
    ...(action ? [`${action.label}: ${action.url}`] : []),
    ...(footer.length ? ["--", ...footer] : []),
  ].join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = `<!doctype html>
<html><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:700;font-size:18px;margin:0 0 24px">Lead<span style="color:#2563eb">lag</span></p>
${parts.paragraphs.map(p).join("\n")}
${action ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#2563eb;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52606d">Or paste this link into your browser: ${escapeHtml(action.url)}</p>` : ""}
${footer.map((f) => `<p style="margin:0 0 8px;font-size:13px;color:#52606d">${escapeHtml(f)}</p>`).join("\n")}
</body></html>`;
  return { kind: parts.kind, to: parts.to, subject: parts.subject, text, html, links: action ? [action.url] : [] };
}
