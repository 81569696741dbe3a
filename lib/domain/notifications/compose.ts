// What each reminder and digest says, from plain data: one Note (title, lines, the one link)
// rendered as an email (HTML and plain text, lib/email/notification.ts), an in-app notification, and a
// Slack or Microsoft Teams incoming-webhook payload. Pure.
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { dayWithYear, formatShare, monthWithYear } from "@/lib/domain/format";
import { listText } from "@/lib/domain/lists";
import type { NotificationKind } from "./schedule";

export type Note = {
  kind: NotificationKind;
  title: string;
  lines: string[];
  action: { label: string; url: string };
};

/** A share of target in the organization's style ("73%", "73 %"), or why there is none. */
const pct = (x: number | null, locale: string) => (x == null ? "no target yet" : formatShare(x, locale));

/**
 * Every message is written in the organization's locale (OrgSettings.locale), as the app's pages
 * are: "the week of 23 Mar 2026", never the ISO key "2026-03-23" (that stays in the link's URL).
 */
type Written = { locale: string };

export function memberReminder(d: Written & { orgName: string; personName: string; teamName: string; weekStart: IsoDate; url: string }): Note {
  return {
    kind: "MEMBER_REMINDER",
    title: `Log your numbers for the week of ${dayWithYear(d.weekStart, d.locale)}`,
    lines: [`Hi ${d.personName}, nothing is logged yet for ${d.teamName} this week (${d.orgName}).`, "A minute now keeps the scoreboard honest for the check-in."],
    action: { label: "Log your numbers", url: d.url },
  };
}

export function checkInReminder(d: Written & {
  orgName: string;
  teamName: string;
  /** Each lead measure this week: name and attainment (null: no target). */
  measures: { name: string; attainment: number | null }[];
  commitmentsDue: { person: string; text: string }[];
  url: string;
}): Note {
  return {
    kind: "CHECK_IN_REMINDER",
    title: `Check-in tomorrow: ${d.teamName}`,
    lines: [
      `${d.teamName}'s weekly check-in is tomorrow (${d.orgName}).`,
      d.measures.length ? `Scoreboard: ${d.measures.map((m) => `${m.name} ${pct(m.attainment, d.locale)}`).join("; ")}.` : "No lead measures on the scoreboard yet.",
      d.commitmentsDue.length
        ? `Commitments due: ${d.commitmentsDue.map((c) => `${c.person} — ${c.text}`).join("; ")}.`
        : "No commitments are due.",
    ],
    action: { label: "Open the check-in", url: d.url },
  };
}

/**
 * One message for a person the same kind covers in several teams (a lead of two teams gets one
 * "check-in tomorrow", not two, and not only the first): each team's lines in turn, the first
 * team's link as the action and the others' links as lines.
 */
export function combinedNote(kind: NotificationKind, teamNames: readonly string[], notes: readonly Note[]): Note {
  const [first, ...rest] = notes;
  if (!first) throw new Error("combinedNote needs at least one note");
  if (rest.length === 0) return first;
  return {
    kind,
    title: kind === "CHECK_IN_REMINDER" ? `Check-in tomorrow: ${listText(teamNames)}` : first.title,
    lines: [...first.lines, ...rest.flatMap((n, i) => [...n.lines, `${n.action.label} (${teamNames[i + 1]}): ${n.action.url}`])],
    action: { label: `${first.action.label} (${teamNames[0]})`, url: first.action.url },
  };
}

export function managerDigest(d: Written & {
  orgName: string;
  weekStart: IsoDate;
  attainment: number | null;
  atRisk: { teamName: string; reasons: string[] }[];
  lagMoves: { name: string; status: string }[];
  missedCheckIns: string[];
  url: string;
}): Note {
  return {
    kind: "MANAGER_DIGEST",
    title: `${d.orgName}: the week of ${dayWithYear(d.weekStart, d.locale)}`,
    lines: [
      `Lead attainment this week: ${pct(d.attainment, d.locale)}.`,
      d.atRisk.length ? `Teams at risk: ${d.atRisk.map((t) => `${t.teamName} (${t.reasons.join("; ")})`).join(", ")}.` : "No team is at risk.",
      d.lagMoves.length ? `Lag measures: ${d.lagMoves.map((l) => `${l.name} ${l.status}`).join(", ")}.` : "No lag measures yet.",
      d.missedCheckIns.length ? `Missed check-ins: ${d.missedCheckIns.join(", ")}.` : "No check-ins missed.",
    ],
    action: { label: "Open the dashboard", url: d.url },
  };
}

export function executiveDigest(d: Written & { orgName: string; /** "2026-11" */ month: string; report: { title: string; url: string } | null; url: string }): Note {
  return {
    kind: "EXECUTIVE_DIGEST",
    title: `${d.orgName}: ${monthWithYear(d.month, d.locale)}`,
    lines: [d.report ? `The latest quarterly report: ${d.report.title}.` : "No quarterly report yet."],
    action: d.report ? { label: "Read the report", url: d.report.url } : { label: "Open the dashboard", url: d.url },
  };
}

export function notePlainText(note: Note): string {
  return [...note.lines, `${note.action.label}: ${note.action.url}`].join("\n\n");
}

/** A Slack incoming-webhook body (mrkdwn; <url|label> links). */
export function slackPayload(note: Note): { text: string } {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return { text: [`*${esc(note.title)}*`, ...note.lines.map(esc), `<${note.action.url}|${esc(note.action.label)}>`].join("\n") };
}

/** A Microsoft Teams incoming-webhook body (an Office 365 connector card). */
export function teamsPayload(note: Note): Record<string, unknown> {
  return {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: note.title,
    title: note.title,
    text: note.lines.join("\n\n"),
    potentialAction: [{ "@type": "OpenUri", name: note.action.label, targets: [{ os: "default", uri: note.action.url }] }],
  };
}
