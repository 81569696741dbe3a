// The setup wizard's steps and its one form of its own (the teams); the measure steps reuse the
// measure schemas.
import { z } from "zod";
import { text } from "./text";

/** The wizard's steps in order; "done" once it is finished or skipped. */
export const SETUP_STEPS = ["teams", "lead", "lag", "invite"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const SETUP_STEP_TITLES: Record<SetupStep, string> = {
  teams: "Teams",
  lead: "Lead measures",
  lag: "Lag measures",
  invite: "Invite people",
};

export const setupStepSchema = z.enum(SETUP_STEPS, { error: "Unknown setup step." });

export function isSetupStep(v: string): v is SetupStep {
  return (SETUP_STEPS as readonly string[]).includes(v);
}

/** Team names, one per line (blank lines ignored). */
export const setupTeamsSchema = z.object({
  names: text()
    .default("")
    .transform((v) => [...new Set(v.split(/\r?\n/).map((n) => n.trim()).filter(Boolean))])
    .pipe(z.array(text().max(80, "Keep each team name under 80 characters.")).max(50, "Add at most 50 teams at a time.")),
  /** Put the person running the wizard on the new teams, as their lead. */
  joinAsLead: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
});
