import "server-only";
// Sends an email and keeps it in the outbox (OutboxEmail). With SMTP_URL set, nodemailer sends
// it (status SENT, or FAILED with the server's answer); without, it is only stored (STORED) for
// admins to read at Settings → Outbox and its links are printed to the server log, so
// invitations and password resets work on a laptop with no mail server.
// nodemailer: the de-facto Node mail library (42M downloads/week, no dependencies), and the one
// next-auth already names as its peer.
import nodemailer, { type Transporter } from "nodemailer";
import { requireRole } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import type { EmailMessage } from "@/lib/email/message";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { recordAudit } from "@/lib/services/audit";
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

type Delivery = Pick<SentEmail, "status" | "error">;
type Mail = Pick<EmailMessage, "to" | "subject" | "text" | "html" | "headers">;

const smtpUrlOf = (options: SendOptions) => (options.smtpUrl === undefined ? env().SMTP_URL : options.smtpUrl);

/** Hands the message to the SMTP server; the outcome, never an exception. */
async function deliver(smtpUrl: string, from: string, message: Mail): Promise<Delivery> {
  try {
    await transportFor(smtpUrl).sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html, headers: message.headers });
    return { status: "SENT", error: null };
  } catch (e) {
    const error = e instanceof Error ? e.message.slice(0, 500) : String(e);
    console.error(`[email] could not send "${message.subject}" to ${message.to}: ${error}`);
    return { status: "FAILED", error };
  }
}

/** Stores `message` in the outbox and sends it when SMTP is configured. Never throws on a failed send. */
export async function sendEmail(db: Db, organizationId: string | null, message: EmailMessage, options: SendOptions = {}): Promise<SentEmail> {
  const smtpUrl = smtpUrlOf(options);
  let outcome: Delivery = { status: "STORED", error: null };
  if (smtpUrl) {
    outcome = await deliver(smtpUrl, options.from ?? env().EMAIL_FROM, message);
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
      status: outcome.status,
      error: outcome.error,
      sentAt: outcome.status === "SENT" ? clock.now() : null,
    },
    select: { id: true },
  });
  return { id: row.id, ...outcome };
}

/**
 * Sends again an email of the organization's outbox that failed or was only stored (say, once
 * SMTP_URL is set), and records the new outcome on the same row. Admins only; audited.
 */
export async function resendEmail(db: Db, ctx: TenantContext, emailId: string, options: SendOptions = {}): Promise<SentEmail> {
  requireRole(ctx.role, "ADMIN", "resend emails");
  const email = isUuid(emailId) ? await db.outboxEmail.findFirst({ where: { id: emailId, organizationId: ctx.organizationId } }) : null;
  if (!email) throw notFound("That email is not in this organization's outbox.");
  if (email.status === "SENT") throw new AppError("conflict", "That email was already sent.");
  const smtpUrl = smtpUrlOf(options);
  if (!smtpUrl) throw new AppError("conflict", "No SMTP server is configured: set SMTP_URL to send emails.");
  const outcome = await deliver(smtpUrl, options.from ?? env().EMAIL_FROM, email);
  await db.$transaction(async (tx) => {
    await tx.outboxEmail.update({
      where: { id: email.id, organizationId: ctx.organizationId },
      data: { status: outcome.status, error: outcome.error, sentAt: outcome.status === "SENT" ? clock.now() : null },
    });
    await recordAudit(tx, ctx, {
      action: "email.resend",
      entityType: "OutboxEmail",
      entityId: email.id,
      before: { status: email.status, error: email.error },
      after: { ...outcome, to: email.to, subject: email.subject },
    });
  });
  return { id: email.id, ...outcome };
}
