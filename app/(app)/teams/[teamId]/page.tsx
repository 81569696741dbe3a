import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { duringWeek, formatDay, formatNumber, formatWeek } from "@/lib/domain/format";
import { leadStatus, STATUS_LABEL } from "@/lib/domain/status";
import { isCalendarDay } from "@/lib/domain/calendar/range";
import { addDays } from "@/lib/domain/calendar/weeks";
import { isUuid } from "@/lib/schemas/ids";
import { teamPage } from "@/lib/views/teamPage";
import { EntryList } from "./EntryList";
import { LogEntryForm } from "./LogEntryForm";
import { PersonPicker } from "./PersonPicker";
import { WeekGrid } from "./WeekGrid";
import { MY_NUMBERS_ID } from "../../skipTargets";
import { WeekLink, WeekNavigation } from "@/app/_components/WeekNavigation";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ teamId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requirePageContext();
  if (!isUuid(teamId)) notFound();
  const requested = typeof query.week === "string" && isCalendarDay(query.week) ? query.week : null;
  const person = typeof query.person === "string" ? query.person : undefined;
  const data = await pageData(teamPage(await getDb(), ctx, teamId, { week: requested, person }));
  const { team, isMember, writer, manager, today, week, isCurrent, people, gridPerson, scores, entries, gridValues } = data;
  const { locale } = ctx.organization;
  const days = data.days.map(({ date, editable }) => ({ date, label: formatDay(date, locale), editable }));
  const weekLabel = formatWeek(week, locale);
  // "this week", or "in the week of 9 Nov" when an earlier week is shown.
  const during = duringWeek(week.start, isCurrent, locale);
  const gridTitle = `${gridPerson === ctx.userId ? "My" : `${people.find((p) => p.userId === gridPerson)?.name}'s`} numbers ${during}`;
  const thresholds = { green: ctx.organization.greenThreshold, amber: ctx.organization.amberThreshold };

  return (
    <WeekNavigation>
      <div className="page-head">
        <h1>{team.name}</h1>
        <p className="muted" data-testid="week-label">
          <WeekLink href={`/teams/${teamId}?week=${addDays(week.start, -7)}`}>← Previous week</WeekLink>{" "}
          Week of {weekLabel} {isCurrent ? "(this week)" : ""}{" "}
          {!isCurrent && <WeekLink href={`/teams/${teamId}?week=${addDays(week.start, 7)}`}>Next week →</WeekLink>}
        </p>
        <p>
          <Link href={`/teams/${teamId}/check-in${isCurrent ? "" : `?week=${week.start}`}`}>Weekly check-in →</Link>
          {manager ? (
            <>
              {" · "}
              <Link href={`/settings/teams/${teamId}`}>Team settings</Link>
            </>
          ) : null}
        </p>
      </div>
      {gridPerson && scores.length > 0 && (
        // Near the top, and the skip link's target: logging the week is what most people come for.
        <section id={MY_NUMBERS_ID} tabIndex={-1} className="card" aria-labelledby="grid-title" style={{ marginBottom: "1.25rem" }}>
          <div className="row" style={{ justifyContent: "space-between", alignItems: "end" }}>
            <h2 id="grid-title">{gridTitle}</h2>
            {manager ? <PersonPicker people={people} selected={gridPerson} /> : null}
          </div>
          <WeekGrid
            key={`${gridPerson}.${week.start}`}
            label={gridTitle}
            teamId={teamId}
            userId={gridPerson}
            days={days}
            today={today}
            measures={scores.map((s) => ({ id: s.leadMeasureId, name: s.name, unit: s.unit, personWeeklyTarget: s.personWeeklyTarget }))}
            values={gridValues}
          />
        </section>
      )}
      <div className="grid">
        <section className="card" aria-labelledby="scoreboard-title">
          <h2 id="scoreboard-title">Scoreboard: lead measures {during}</h2>
          {scores.length === 0 ? (
            <p className="empty">
              No lead measures yet.{" "}
              {manager ? <Link href="/measures/lead/new">Add one with a weekly target for this team</Link> : "A manager can assign measures to this team."}
            </p>
          ) : (
            <ul className="scoreboard">
              {scores.map((s) => {
                const status = leadStatus(s.teamTotal, s.weeklyTarget, thresholds);
                const pct = s.weeklyTarget > 0 ? Math.min(100, (s.teamTotal / s.weeklyTarget) * 100) : 0;
                return (
                  <li key={s.leadMeasureId} className="score" data-testid={`score-${s.name}`}>
                    <div className="score-head">
                      <span className="score-name">{s.name}</span>
                      <span className="score-figures">
                        <strong data-testid="team-total">{formatNumber(s.teamTotal, locale, 1)}</strong> of{" "}
                        <span data-testid="team-target">{formatNumber(s.weeklyTarget, locale, 1)}</span> {s.unit}{" "}
                        <span className={`badge ${status}`}>{STATUS_LABEL[status]}</span>
                      </span>
                    </div>
                    <div
                      className="bar"
                      role="progressbar"
                      aria-label={`${s.name}: ${formatNumber(s.teamTotal, locale, 1)} of ${formatNumber(s.weeklyTarget, locale, 1)}`}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={Math.round(pct)}
                    >
                      <span className={status} style={{ width: `${pct}%` }} />
                    </div>
                    {isMember && (
                      <span className="muted">
                        You: {formatNumber(s.myTotal, locale, 1)}
                        {s.personWeeklyTarget != null ? ` of ${formatNumber(s.personWeeklyTarget, locale, 1)}` : ""}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <div className="side log-first">
          {!writer ? (
            <p className="muted" data-testid="read-only-hint">
              You have read-only access: you can follow the team&apos;s numbers but not log or change them.
            </p>
          ) : null}
          {isMember && writer && scores.length > 0 && (
            <section className="card" aria-labelledby="log-title">
              <h2 id="log-title">Log what you did</h2>
              <LogEntryForm
                teamId={teamId}
                days={data.logDays.map((date) => ({ date, label: date === today ? `Today, ${formatDay(date, locale)}` : formatDay(date, locale) }))}
                measures={scores.map((s) => ({ id: s.leadMeasureId, name: s.name, unit: s.unit }))}
              />
            </section>
          )}
          <section className="card" aria-labelledby="entries-title">
            <h2 id="entries-title">Latest entries {during}</h2>
            <EntryList
              empty={isCurrent ? "Nothing logged this week yet." : `Nothing logged ${during}.`}
              entries={entries.map((e) => ({
                id: e.id,
                label: `${e.personName} · ${e.measureName}`,
                detail: `${formatNumber(e.value, locale, 1)} · ${formatDay(e.entryDate, locale)}`,
                note: e.note,
                canDelete: e.canDelete,
              }))}
            />
          </section>
        </div>
      </div>
    </WeekNavigation>
  );
}
