// A reminder or digest as an email: the note's lines, its one link, and the small print with the
// "view in browser" and unsubscribe links. Pure.
import type { Note } from "@/lib/domain/notifications/compose";
import { composeEmail, type EmailMessage } from "./message";

/** The email of a note, with the unsubscribe and "view in browser" links in its small print. */
export function noteEmail(note: Note, to: string, links: { unsubscribeUrl: string; viewUrl?: string }): EmailMessage {
  return composeEmail({
    kind: `notification:${note.kind}`,
    to,
    subject: note.title,
    paragraphs: note.lines,
    action: note.action,
    footer: [
      ...(links.viewUrl ? [`View in browser: ${links.viewUrl}`] : []),
      `Stop these emails: ${links.unsubscribeUrl}`,
    ],
  });
}

