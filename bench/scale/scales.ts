// The three organizations of issue #12. Every one has 8 people per team, 10 lead measures that
// every team tracks, 156 weeks of weekday entries (ending today), weekly lag observations,
// check-ins in most weeks and one commitment per person per week; only the number of teams
// differs. ENTRY_RATE is the chance that a person logs a given measure on a given weekday:
// 8 × 10 × ~780 weekdays × 0.189 ≈ 11.8k entries per team, so 500 teams ≈ 5.9M.
export const SCALES = {
  small: { teams: 13, expectedEntries: "~155k" },
  medium: { teams: 84, expectedEntries: "~1.0M" },
  full: { teams: 500, expectedEntries: "~5.9M" },
} as const;

export type ScaleName = keyof typeof SCALES;

export const PEOPLE_PER_TEAM = 8;
export const LEAD_MEASURES = 10;
export const WEEKS = 156;
export const ENTRY_RATE = 0.189;
/** Check-ins happen in this share of a team's weeks. */
export const CHECK_IN_RATE = 0.8;
/** Extra managers (besides the main one) who sign in as the concurrent dashboard users. */
export const EXTRA_MANAGERS = 50;

export function isScale(s: string): s is ScaleName {
  return Object.hasOwn(SCALES, s);
}

/** What a generated organization is, for the marker row and the output. */
export function scaleParams(scale: ScaleName) {
  return {
    scale,
    teams: SCALES[scale].teams,
    peoplePerTeam: PEOPLE_PER_TEAM,
    leadMeasures: LEAD_MEASURES,
    weeks: WEEKS,
    entryRate: ENTRY_RATE,
    checkInRate: CHECK_IN_RATE,
    extraManagers: EXTRA_MANAGERS,
    /** Bumped when the generator's output changes, so older data is regenerated. */
    generatorVersion: 2,
  };
}

export type ScaleParams = ReturnType<typeof scaleParams>;

/** The bench's people: one manager with a known password (and the same for everyone generated). */
export const BENCH_PASSWORD = "bench-correct-horse-battery";
export const MANAGER_EMAIL = "manager@bench.leadlag.test";
export const OWNER_EMAIL = "owner@bench.leadlag.test";
export const extraManagerEmail = (i: number) => `manager-${i}@bench.leadlag.test`;
