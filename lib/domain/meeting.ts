// The weekly check-in meeting's agenda (4DX's WIG session, EOS's L10 in small): four steps in
// order, each with a time box, 20–30 minutes in all. Pure, and free of zod: the meeting screen
// imports it in the browser.

export const MEETING_STEPS = [
  { key: "account", title: "Account for last week's commitments", minutes: 5 },
  { key: "scoreboard", title: "Review the scoreboard", minutes: 10 },
  { key: "clear", title: "Clear the path", minutes: 10 },
  { key: "commit", title: "New commitments", minutes: 5 },
] as const;

export const MEETING_TARGET_MINUTES = { min: 20, max: 30 } as const;
export const MAX_DECISIONS = 20;
export const MAX_DECISION_LENGTH = 300;
export const MAX_NOTES_LENGTH = 2000;

/** The time boxes added up: 30 minutes. */
export const MEETING_PLANNED_MINUTES = MEETING_STEPS.reduce((sum, s) => sum + s.minutes, 0);

/** A meeting's length in whole minutes (never negative). */
export function meetingMinutes(startedAt: Date, heldAt: Date): number {
  return Math.max(0, Math.round((heldAt.getTime() - startedAt.getTime()) / 60_000));
}

/** "m:ss" (or "h:mm:ss") for a number of seconds; negative counts as 0. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** How the whole meeting stands against its 20–30 minute target. */
export function meetingPace(elapsedSeconds: number): "on-time" | "in-target" | "over" {
  const minutes = elapsedSeconds / 60;
  if (minutes > MEETING_TARGET_MINUTES.max) return "over";
  return minutes >= MEETING_TARGET_MINUTES.min ? "in-target" : "on-time";
}
