import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePageContext } from "@/lib/auth/context";
import { canWrite } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { isCalendarDay } from "@/lib/domain/calendar/range";
import { formatWeek, instantDay, shortDay } from "@/lib/domain/format";
import { CommitmentsReview, NewCommitments } from "./Commitments";
import { ExecutionScoreCard } from "./ExecutionScoreCard";
import { LagScoreboard } from "./LagScoreboard";
import { LeadScoreboard } from "./LeadScoreboard";
import { loadCheckIn, type CommitmentItem } from "@/lib/views/checkIn";
import { MarkHeldForm } from "./MarkHeldForm";
import { MeetingMode } from "./MeetingMode";
import { StartMeetingForm } from "./StartMeetingForm";
import { CheckInHistory } from "./CheckInHistory";
import styles from "./checkIn.module.css";
import { WeekLink, WeekNavigation } from "@/app/_components/WeekNavigation";

export const metadata: Metadata = { title: "Weekly check-in" };

export default async function CheckInPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ teamId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requirePageContext();
  const requested = typeof query.week === "string" && isCalendarDay(query.week) ? query.week : null;
  const d = await pageData(loadCheckIn(await getDb(), ctx, teamId, requested));
  const { locale, greenThreshold, amberThreshold } = ctx.organization;
  const { access, week } = d;
  const thresholds = { green: greenThreshold, amber: amberThreshold };
  const base = `/teams/${teamId}/check-in`;
  const weekLabel = formatWeek(week, locale);
  // Members account for their own commitments in the current check-in; the lead for everyone.
  // Viewers read the check-in and change nothing.
  const writer = canWrite(ctx.role);
  const canReview = (c: CommitmentItem) => access.canRun || (writer && d.isCurrent && c.userId === ctx.userId);
  const canAddFor = (userId: string) => access.canRun || (writer && d.isCurrent && userId === ctx.userId);
  // Edit or delete before the meeting that reviews it: the lead anyone's, a member their own.
  const canChange = (c: CommitmentItem) => c.changeable && (access.canRun || (writer && d.isCurrent && c.userId === ctx.userId));
  const meetingHref = `${base}?${d.isCurrent ? "" : `week=${week.start}&`}mode=meeting`;
  const pageHref = d.isCurrent ? base : `${base}?week=${week.start}`;
  const inMeeting = query.mode === "meeting" && access.canRun && !d.checkIn && d.meeting != null;
  const heldOn = d.checkIn ? instantDay(d.checkIn.heldAt, locale, ctx.organization.timeZone) : null;
  // "Last week" is the week before the one shown; for an earlier week, say which.
  const reviewedWeek = d.isCurrent ? "last week" : `the week of ${shortDay(d.previousWeek.start, locale)}`;

  const review = (
    <CommitmentsReview
      people={d.people}
      commitments={d.lastWeekCommitments}
      canReview={canReview}
      canChange={canChange}
      measures={d.measures}
      empty={`No commitments were made for ${reviewedWeek}.`}
    />
  );
  const lagBoard = <LagScoreboard lags={d.lags} teamName={access.teamName} locale={locale} />;
  const leadBoard = (
    <LeadScoreboard
      history={d.leadHistory}
      people={d.people}
      measures={d.measures}
      week={week.start}
      previousWeek={d.previousWeek.start}
      isCurrent={d.isCurrent}
      thresholds={thresholds}
      locale={locale}
    />
  );
  const newCommitments = (
    <NewCommitments
      teamId={teamId}
      weekStart={week.start}
      viewerId={ctx.userId}
      people={d.people}
      commitments={d.thisWeekCommitments}
      measures={d.measures}
      canAddFor={canAddFor}
      canChange={canChange}
    />
  );

  if (inMeeting && d.meeting) {
    return (
      <>
        <div className="page-head">
          <p className={styles.crumbs}>
            <Link href={pageHref}>← Leave meeting mode</Link> <span className="muted">(the meeting keeps running)</span>
          </p>
          <h1>Check-in meeting: {access.teamName}</h1>
          <p className="muted">Week of {weekLabel}</p>
        </div>
        <MeetingMode
          teamId={teamId}
          weekStart={week.start}
          serverNow={d.now.toISOString()}
          startedAt={d.meeting.startedAt.toISOString()}
          step={d.meeting.step}
          stepStartedAt={d.meeting.stepStartedAt.toISOString()}
          notes={d.meeting.notes}
          decisions={d.meeting.decisions}
          exitHref={pageHref}
          content={[
            <>
              <p className="muted">Week of {formatWeek(d.previousWeek, locale)}: each person says done, partly done or not done — and why.</p>
              {review}
            </>,
            <>
              <h3>Are we winning?</h3>
              {lagBoard}
              <h3>Lead measures against target</h3>
              {leadBoard}
            </>,
            <p key="clear" className="muted">What is in the way of the lead measures? Note the obstacles, and who will clear each one: a decision.</p>,
            <>
              <p className="muted">For the week of {weekLabel}: one or two each, ideally moving a lead measure.</p>
              {newCommitments}
            </>,
          ]}
        />
      </>
    );
  }

  return (
    <WeekNavigation>
      <div className="page-head">
        <p className={styles.crumbs}>
          <Link href={`/teams/${teamId}`}>← {access.teamName}</Link>
        </p>
        <h1>Weekly check-in: {access.teamName}</h1>
        <nav aria-label="Check-in weeks" className={styles.weekNav}>
          <WeekLink href={`${base}?week=${d.previousWeek.start}`}>← Previous week</WeekLink>
          <span>
            Week of {weekLabel} {d.isCurrent ? "(this week)" : ""}
          </span>
          {!d.isCurrent && <WeekLink href={base}>This week →</WeekLink>}
        </nav>
      </div>

      <div className="grid">
        <div className={styles.main}>
          <section className="card" aria-labelledby="lag-title">
            <h2 id="lag-title">Scoreboard: are we winning?</h2>
            {lagBoard}
          </section>

          <section className="card" aria-labelledby="lead-title">
            <h2 id="lead-title">Lead measures against target</h2>
            {leadBoard}
          </section>

          <section className="card" aria-labelledby="review-title">
            <h2 id="review-title">{d.isCurrent ? "Last week's commitments" : `Commitments for ${reviewedWeek}`}</h2>
            <p className="muted">Week of {formatWeek(d.previousWeek, locale)}: done, partly done or not done — and why.</p>
            {review}
          </section>

          <section className="card" aria-labelledby="new-title">
            <h2 id="new-title">New commitments</h2>
            <p className="muted">For the week of {weekLabel}: one or two each, ideally moving a lead measure.</p>
            {newCommitments}
          </section>
        </div>

        <div className="side">
          <section className="card" aria-labelledby="held-title">
            <h2 id="held-title">Check-in</h2>
            {d.checkIn ? (
              <>
                <p data-testid="check-in-held">
                  <span className="badge green">Held</span> on {heldOn}
                  {d.checkIn.heldByName ? ` by ${d.checkIn.heldByName}` : ""}
                  {d.checkIn.durationMinutes != null ? ` (a ${d.checkIn.durationMinutes}-minute meeting)` : ""}
                </p>
                {d.checkIn.decisions.length > 0 && (
                  <>
                    <h3>Decisions</h3>
                    <ol className={styles.decisions} data-testid="check-in-decisions">
                      {d.checkIn.decisions.map((text, i) => (
                        <li key={i}>{text}</li>
                      ))}
                    </ol>
                  </>
                )}
                {d.checkIn.notes && <p className="muted">Notes: {d.checkIn.notes}</p>}
              </>
            ) : access.canRun ? (
              <>
                {d.meeting ? (
                  <p className="muted" data-testid="meeting-under-way">A check-in meeting is under way.</p>
                ) : (
                  <p className="muted">Run it as a meeting: the agenda, a clock and a time box per step, 20–30 minutes.</p>
                )}
                <StartMeetingForm teamId={teamId} weekStart={week.start} meetingHref={meetingHref} resume={d.meeting != null} />
                <p className="muted">Or, when you have reviewed the scoreboard and the commitments:</p>
                <MarkHeldForm teamId={teamId} weekStart={week.start} />
              </>
            ) : (
              <p className="muted">Not held yet. The team lead marks it held.</p>
            )}
          </section>

          <section className="card" aria-labelledby="score-title">
            <h2 id="score-title">Execution score</h2>
            <ExecutionScoreCard score={d.score} locale={locale} />
          </section>

          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">Check-in history</h2>
            <CheckInHistory history={d.history} base={base} locale={locale} timeZone={ctx.organization.timeZone} />
          </section>
        </div>
      </div>
    </WeekNavigation>
  );
}
