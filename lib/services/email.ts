import "server-only";
// Sends an email and keeps it in the outbox (OutboxEmail). With SMTP_URL set, nodemailer sends
// it (status SENT, or FAILED with the server's answer); without, it is only stored (STORED) for
// admins to read at Settings → Outbox and its links are printed to the server log, so
// invitations and password resets work on a laptop with no mail server.
// nodemailer: the de-facto Node mail library (42M downloads/week, no dependencies), and the one
// next-auth already names as its peer.
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/lib/db/client";
import type { EmailMessage } from "@/lib/email/message";
import { env } from "@/lib/env";
import * as clock from "@/lib/clock";

const transports = new Map<string, Transporter>();
function transportFor(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, t);
  }
  return t;
}

export type SendOptions = {
  /** Defaults to SMTP_URL; null forces the outbox (tests). */
  smtpUrl?: string | null;
  from?: string;
};

export type SentEmail = { id: string; status: "STORED" | "SENT" | "FAILED"; error: string | null };

/** Stores `message` in the outbox and sends it when SMTP is configured. Never throws on a failed send. */
export async function sendEmail(db: Db, organizationId: string | null, message: EmailMessage, options: SendOptions = {}): Promise<SentEmail> {
  const smtpUrl = options.smtpUrl === undefined ? env().SMTP_URL : options.smtpUrl;
  const from = options.from ?? env().EMAIL_FROM;
  let status: SentEmail["status"] = "STORED";
  let error: string | null = null;
  if (smtpUrl) {
    try {
      await transportFor(smtpUrl).sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
      status = "SENT";
    } catch (e) {
      status = "FAILED";
      error = e instanceof Error ? e.message.slice(0, 500) : String(e);
      console.error(`[email] could not send "${message.subject}" to ${message.to}: ${error}`);
    }
  } else {
    console.log(`[email] outbox (no SMTP_URL): "${message.subject}" to ${message.to}${message.links.map((l) => `\n  ${l}`).join("")}`);
  }
  const row = await db.outboxEmail.create({
    data: {
      organizationId,
      kind: message.kind,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      status,
      error,
      sentAt: status === "SENT" ? clock.now() : null,
    },
    select: { id: true },
  });
  return { id: row.id, status, error };
}
