// The invitation email: who invites you, to which organization, with what role, the link and
// when it stops working. Pure: lib/services/invitations.ts sends it.
import { composeEmail, type EmailMessage } from "./message";

export type InvitationEmail = {
  to: string;
  /** The person who invited (or the organization's name when an API token did). */
  inviterName: string;
  organizationName: string;
  role: string;
  teamNames: string[];
  url: string;
  expiresAt: Date;
  locale: string;
  timeZone: string;
};

const ROLE_WORDS: Record<string, string> = {
  ADMIN: "an admin",
  MANAGER: "a manager",
  MEMBER: "a member",
  VIEWER: "a viewer (reads dashboards and reports)",
};

export function invitationEmail(m: InvitationEmail): EmailMessage {
  const expires = new Intl.DateTimeFormat(m.locale, { dateStyle: "long", timeStyle: "short", timeZone: m.timeZone }).format(m.expiresAt);
  const teams = m.teamNames.length ? ` on ${m.teamNames.length === 1 ? "the team" : "the teams"} ${m.teamNames.join(", ")}` : "";
  return composeEmail({
    kind: "invitation",
    to: m.to,
    subject: `${m.inviterName} invited you to ${m.organizationName} on Leadlag`,
    paragraphs: [
      `${m.inviterName} invited you to join ${m.organizationName} on Leadlag as ${ROLE_WORDS[m.role] ?? m.role.toLowerCase()}${teams}.`,
      "Leadlag is where your team logs the few weekly actions that move its results, and sees whether it is winning.",
    ],
    action: { label: `Join ${m.organizationName}`, url: m.url },
    footer: [
      `This link works once and until ${expires} (${m.timeZone}).`,
      "If you did not expect this invitation, you can ignore this email: nothing happens until the link is used.",
    ],
  });
}
