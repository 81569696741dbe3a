import "server-only";
// Settings → Outbox: what admins read about the emails Leadlag sent for their organization —
// when, to whom, what, and whether it went out (with the mail server's answer when it did not).
// Tenant-scoped: only the emails of ctx.organizationId; emails of no organization never show.
import { requireRole } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { outboxEmailOf, outboxEmailsOf, type OutboxEmailFull, type OutboxEmailRow } from "@/lib/queries/outboxEmails";
import { isUuid } from "@/lib/schemas/ids";

/** The list shows this many of the newest emails. */
export const OUTBOX_PAGE_SIZE = 200;

export type OutboxEmailItem = OutboxEmailRow & {
  /** A failed or only stored email may be sent again (when an SMTP server is configured). */
  resendable: boolean;
};

export type OutboxView = {
  /** Whether SMTP_URL is set: emails are sent, not only stored. */
  smtpConfigured: boolean;
  /** The sender of every email (EMAIL_FROM). */
  from: string;
  emails: OutboxEmailItem[];
  /** More emails exist than the list shows. */
  truncated: boolean;
};

export type OutboxEmailView = { smtpConfigured: boolean; email: OutboxEmailFull & { resendable: boolean } };

export type MailSettings = { smtpUrl?: string | null };

const requireOutboxReader = (ctx: TenantContext) => requireRole(ctx.role, "ADMIN", "read the outbox");

function smtpConfigured(mail: MailSettings): boolean {
  return Boolean(mail.smtpUrl === undefined ? env().SMTP_URL : mail.smtpUrl);
}

const resendable = (status: OutboxEmailRow["status"], smtp: boolean) => smtp && status !== "SENT";

export async function outboxView(db: Db, ctx: TenantContext, mail: MailSettings = {}): Promise<OutboxView> {
  requireOutboxReader(ctx);
  const smtp = smtpConfigured(mail);
  const rows = await outboxEmailsOf(db, ctx.organizationId, OUTBOX_PAGE_SIZE + 1);
  return {
    smtpConfigured: smtp,
    from: env().EMAIL_FROM,
    emails: rows.slice(0, OUTBOX_PAGE_SIZE).map((r) => ({ ...r, resendable: resendable(r.status, smtp) })),
    truncated: rows.length > OUTBOX_PAGE_SIZE,
  };
}

/** One email with its text and HTML; 404 for an id that is not one of the organization's emails. */
export async function outboxEmailView(db: Db, ctx: TenantContext, id: string, mail: MailSettings = {}): Promise<OutboxEmailView> {
  requireOutboxReader(ctx);
  const email = isUuid(id) ? await outboxEmailOf(db, ctx.organizationId, id) : null;
  if (!email) throw notFound("That email is not in this organization's outbox.");
  const smtp = smtpConfigured(mail);
  return {
    smtpConfigured: smtp,
    email: { ...email, text: hideUnsubscribeTokens(email.text), html: hideUnsubscribeTokens(email.html), resendable: resendable(email.status, smtp) },
  };
}

/**
 * A reminder's unsubscribe link is the recipient's own (signed, no sign-in needed): an admin
 * reading the outbox sees where it leads, not the token that would unsubscribe that person.
 */
export function hideUnsubscribeTokens(body: string): string {
  return body.replace(/(\/unsubscribe\/)[A-Za-z0-9._~%-]+/g, "$1(the recipient's own link)");
}
