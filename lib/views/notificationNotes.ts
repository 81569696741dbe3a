import "server-only";
// The data behind each reminder and digest, read once per organization and kind by the tick
// (lib/services/notifications.ts) and turned into notes (lib/domain/notifications/compose.ts).
// The manager digest is the dashboard's own reading (at-risk teams and their reasons, attainment,
// lag status, check-ins), so the email says what the dashboard shows.
import { orgSettings } from "@/lib/auth/loadContext";
import type { Db } from "@/lib/db/client";
import { checkInReminder, executiveDigest, managerDigest, memberReminder, type Note } from "@/lib/domain/notifications/compose";
import type { Organization } from "@/lib/generated/prisma/client";
import { reportList } from "@/lib/queries/reportList";
import { teamCommitmentsInRange } from "@/lib/queries/teamCommitmentsInRange";
import { teamWeekScoreboard } from "@/lib/queries/teamWeekScoreboard";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { loadDashboard } from "./dashboard";

const LAG_STATUS = { green: "on track", amber: "at risk", red: "off track", none: "no data" } as Record<string, string>;

export function memberReminderNote(origin: string, org: Pick<Organization, "name" | "locale">, p: { name: string; teamId: string; teamName: string }, weekStart: IsoDate): Note {
  return memberReminder({ locale: org.locale, orgName: org.name, personName: p.name, teamName: p.teamName, weekStart, url: `${origin}/teams/${p.teamId}?week=${weekStart}` });
}

/** The team channel's version: one post for the team. */
export function teamMemberReminderNote(origin: string, org: Pick<Organization, "name" | "locale">, team: { teamId: string; teamName: string; waiting: number }, weekStart: IsoDate): Note {
  const note = memberReminder({ locale: org.locale, orgName: org.name, personName: team.teamName, teamName: team.teamName, weekStart, url: `${origin}/teams/${team.teamId}?week=${weekStart}` });
  return { ...note, lines: [`${team.waiting} ${team.waiting === 1 ? "person has" : "people have"} logged nothing for ${team.teamName} yet this week.`, note.lines[1]!] };
}

export async function checkInReminderNote(db: Db, origin: string, org: Organization, team: { teamId: string; teamName: string; leadUserId: string }, weekStart: IsoDate): Promise<Note> {
  const [scores, { commitments }] = await Promise.all([
    teamWeekScoreboard(db, { organizationId: org.id, teamId: team.teamId, weekStart, userId: team.leadUserId }),
    teamCommitmentsInRange(db, { organizationId: org.id, teamId: team.teamId, firstWeek: weekStart, lastWeek: weekStart }),
  ]);
  return checkInReminder({
    locale: org.locale,
    orgName: org.name,
    teamName: team.teamName,
    measures: scores.map((s) => ({ name: s.name, attainment: s.weeklyTarget > 0 ? s.teamTotal / s.weeklyTarget : null })),
    commitmentsDue: commitments.filter((c) => c.status === "OPEN").map((c) => ({ person: c.personName, text: c.text })),
    url: `${origin}/teams/${team.teamId}/check-in`,
  });
}

export async function managerDigestNote(db: Db, origin: string, org: Organization, weekStart: IsoDate, now: Date): Promise<Note> {
  const d = await loadDashboard(db, orgSettings(org), {}, now);
  return managerDigest({
    locale: org.locale,
    orgName: org.name,
    weekStart,
    attainment: d.organization.thisWeek.attainment,
    atRisk: d.atRisk.map((t) => ({ teamName: t.teamName, reasons: t.reasons.map((r) => r.text) })),
    lagMoves: d.organization.lag.lags.map((l) => ({ name: l.name, status: LAG_STATUS[l.status] ?? l.status })),
    missedCheckIns: d.atRisk.filter((t) => t.reasons.some((r) => r.kind === "missed-check-ins")).map((t) => t.teamName),
    url: `${origin}/dashboard`,
  });
}

export async function executiveDigestNote(db: Db, origin: string, org: Organization, month: string): Promise<Note> {
  const [latest] = await reportList(db, { organizationId: org.id });
  return executiveDigest({
    locale: org.locale,
    orgName: org.name,
    month,
    report: latest ? { title: latest.title, url: `${origin}/reports/${latest.id}` } : null,
    url: `${origin}/dashboard`,
  });
}
