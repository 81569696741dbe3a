import "server-only";
// An organization's outbox: the emails Leadlag sent (or only stored) on its behalf, newest first.
// Emails that belong to no organization (a password reset is a person's, not an organization's)
// never match: `organizationId` is always a real id here.
import type { Db } from "@/lib/db/client";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

export type OutboxEmailRow = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: EmailStatus;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export type OutboxEmailFull = OutboxEmailRow & { text: string; html: string };

const listFields = { id: true, kind: true, to: true, subject: true, status: true, error: true, createdAt: true, sentAt: true } as const;

/** The newest `limit` emails of the organization (the list leaves out their bodies). */
export function outboxEmailsOf(db: Db, organizationId: string, limit: number): Promise<OutboxEmailRow[]> {
  return db.outboxEmail.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: listFields,
  });
}

/** One email of the organization, with its text and HTML; null when it is not one of theirs. */
export function outboxEmailOf(db: Db, organizationId: string, id: string): Promise<OutboxEmailFull | null> {
  return db.outboxEmail.findFirst({ where: { id, organizationId }, select: { ...listFields, text: true, html: true } });
}
