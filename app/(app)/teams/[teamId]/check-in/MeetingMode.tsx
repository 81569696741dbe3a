"use client";
// Meeting mode: the four agenda steps one at a time, with a step indicator, the meeting's clock
// (from the start stored on the server, so a reload keeps it) and each step's time box. Next and
// previous by button or by the arrow keys (when no text field has focus); the last step ends the
// meeting, which records the check-in with its notes and decisions.
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/http/runAction";
import { clockText, MAX_DECISION_LENGTH, MAX_DECISIONS, MAX_NOTES_LENGTH, MEETING_PLANNED_MINUTES, MEETING_STEPS, MEETING_TARGET_MINUTES, meetingPace } from "@/lib/domain/meeting";
import { FormMessage } from "@/app/_components/Field";
import { endMeetingAction, moveMeetingStepAction, saveMeetingNotesAction } from "./actions";
import styles from "./checkIn.module.css";

type Props = {
  /** The server's "now" when the page was rendered: the clock runs on the server's time, whatever the device's says. */
  serverNow: string;
  teamId: string;
  weekStart: string;
  startedAt: string;
  step: number;
  stepStartedAt: string;
  notes: string;
  decisions: string[];
  /** What each step shows (the scoreboard, the commitments…); step 3's notes and decisions are added here. */
  content: ReactNode[];
  exitHref: string;
};

/** The server's time, ticking each second: the device's clock corrected by its offset at load. */
function useServerNow(serverNow: string): [number, () => number] {
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const read = useCallback(() => Date.now() + offset, [offset]);
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const timer = setInterval(() => setNow(read()), 1000);
    return () => clearInterval(timer);
  }, [read]);
  return [now, read];
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

export function MeetingMode(props: Props) {
  const { teamId, weekStart, content, exitHref } = props;
  const router = useRouter();
  const [now, readNow] = useServerNow(props.serverNow);
  const [step, setStep] = useState(props.step);
  const [stepStartedAt, setStepStartedAt] = useState(() => Date.parse(props.stepStartedAt));
  const [notes, setNotes] = useState(props.notes);
  const [decisions, setDecisions] = useState(props.decisions);
  const [draft, setDraft] = useState("");
  const [saveState, save, saving] = useActionState<ActionState, FormData>(saveMeetingNotesAction, { status: "idle" });
  // Once held, back to the check-in page (which shows it held, with the decisions and notes).
  const [endState, end, ending] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await endMeetingAction(prev, form);
    if (next.status === "ok") router.replace(exitHref);
    return next;
  }, { status: "idle" });
  const [, move] = useActionState<ActionState, FormData>(moveMeetingStepAction, { status: "idle" });
  const heading = useRef<HTMLHeadingElement>(null);
  const last = MEETING_STEPS.length - 1;

  const formOf = useCallback(
    (extra: Record<string, string | string[]>) => {
      const form = new FormData();
      form.set("teamId", teamId);
      form.set("weekStart", weekStart);
      for (const [k, v] of Object.entries(extra)) for (const one of [v].flat()) form.append(k, one);
      return form;
    },
    [teamId, weekStart],
  );
  const saveNotes = (nextDecisions = decisions) =>
    startTransition(() => save(formOf({ notes, decisions: nextDecisions, decisionsSent: "1" })));

  const go = useCallback(
    (to: number) => {
      if (to < 0 || to > last || to === step) return;
      setStep(to);
      setStepStartedAt(readNow());
      startTransition(() => move(formOf({ step: String(to) })));
    },
    [formOf, last, move, readNow, step],
  );

  // Focus follows the step (a screen reader hears its title), but not on first load.
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [step]);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (e.key === "ArrowRight" || e.key === "PageDown") go(step + 1);
      else if (e.key === "ArrowLeft" || e.key === "PageUp") go(step - 1);
      else return;
      e.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [go, step]);

  const elapsed = (now - Date.parse(props.startedAt)) / 1000;
  const inStep = (now - stepStartedAt) / 1000;
  const box = MEETING_STEPS[step]!.minutes * 60;
  const pace = meetingPace(elapsed);

  function addDecision() {
    const text = draft.trim();
    if (!text || decisions.length >= MAX_DECISIONS) return;
    const next = [...decisions, text];
    setDecisions(next);
    setDraft("");
    saveNotes(next);
  }
  function removeDecision(i: number) {
    const next = decisions.filter((_, j) => j !== i);
    setDecisions(next);
    saveNotes(next);
  }

  return (
    <section className={`card ${styles.meeting}`} aria-labelledby="meeting-step-title" data-testid="meeting">
      <div className={styles.meetingBar}>
        <div role="timer" aria-live="off" data-testid="meeting-clock" className={styles.clock}>
          <span className={`${styles.clockBig} ${pace === "over" ? styles.over : ""}`}>{clockText(elapsed)}</span>
          <span className="muted">
            {" "}
            target {MEETING_TARGET_MINUTES.min}–{MEETING_TARGET_MINUTES.max} min (planned {MEETING_PLANNED_MINUTES})
          </span>
        </div>
        <div data-testid="step-clock" className={inStep > box ? styles.over : undefined}>
          This step: {clockText(inStep)} of {MEETING_STEPS[step]!.minutes}:00{inStep > box ? " — over its time box" : ""}
        </div>
      </div>

      <ol className={styles.steps} aria-label="Agenda">
        {MEETING_STEPS.map((s, i) => (
          <li key={s.key} aria-current={i === step ? "step" : undefined} className={i === step ? styles.stepNow : i < step ? styles.stepDone : undefined}>
            <button type="button" className="link-button" onClick={() => go(i)}>
              <span className={styles.stepNumber}>{i + 1}</span> {s.title} <span className="muted">({s.minutes} min)</span>
            </button>
          </li>
        ))}
      </ol>

      <h2 id="meeting-step-title" ref={heading} tabIndex={-1}>
        Step {step + 1} of {MEETING_STEPS.length}: {MEETING_STEPS[step]!.title}
      </h2>

      {content.map((node, i) => (
        <div key={MEETING_STEPS[i]!.key} hidden={i !== step} data-testid={`meeting-step-${MEETING_STEPS[i]!.key}`}>
          {node}
          {i === 2 && (
            <div className={styles.notes}>
              <div className="field">
                <label htmlFor="meeting-decision">Decision</label>
                <div className={styles.inline}>
                  <input
                    id="meeting-decision"
                    value={draft}
                    maxLength={MAX_DECISION_LENGTH}
                    autoComplete="off"
                    placeholder="e.g. Sam pairs with Ana on refunds until Friday"
                    onChange={(e) => setDraft(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") {
                        e.preventDefault();
                        addDecision();
                      }
                    }}
                  />
                  <button type="button" className="secondary" onClick={addDecision} disabled={!draft.trim() || decisions.length >= MAX_DECISIONS}>
                    Add decision
                  </button>
                </div>
              </div>
              {decisions.length > 0 ? (
                <ol className={styles.decisions} aria-label="Decisions" data-testid="meeting-decisions">
                  {decisions.map((d, j) => (
                    <li key={`${j}-${d}`}>
                      <span>{d}</span>{" "}
                      <button type="button" className="link-button" onClick={() => removeDecision(j)} aria-label={`Remove decision: ${d}`}>
                        Remove
                      </button>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted">No decisions yet.</p>
              )}
              <div className="field">
                <label htmlFor="meeting-notes">Obstacles and notes</label>
                <textarea id="meeting-notes" rows={4} maxLength={MAX_NOTES_LENGTH} value={notes} onChange={(e) => setNotes(e.target.value)} onBlur={() => saveNotes()} />
              </div>
              <div className={styles.formFoot}>
                <button type="button" className="secondary" onClick={() => saveNotes()} disabled={saving}>
                  {saving ? "Saving…" : "Save notes"}
                </button>
                {saveState.status !== "idle" && <FormMessage state={saveState} />}
              </div>
            </div>
          )}
        </div>
      ))}

      <nav className={styles.meetingNav} aria-label="Meeting steps">
        <button type="button" className="secondary" onClick={() => go(step - 1)} disabled={step === 0}>
          ← Previous
        </button>
        <span className="muted">Arrow keys move between steps.</span>
        {step < last ? (
          <button type="button" onClick={() => go(step + 1)}>
            Next: {MEETING_STEPS[step + 1]!.title} →
          </button>
        ) : (
          <button type="button" disabled={ending} onClick={() => startTransition(() => end(formOf({ notes, decisions, decisionsSent: "1" })))}>
            {ending ? "Ending…" : "End the meeting"}
          </button>
        )}
      </nav>
      {endState.status !== "idle" && <FormMessage state={endState} />}
    </section>
  );
}
