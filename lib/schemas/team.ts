// Input of team endpoints and forms: creating a team, and setting its member list (HR sync).
import { z } from "zod";
import { targetSchema } from "./measures";
import { text } from "./text";

export const MAX_TEAM_MEMBERS = 1_000;

export const createTeamSchema = z.strictObject({
  name: text({ error: "Give the team a name." })
    .trim()
    .min(1, "Give the team a name.")
    .max(80, "Keep the name under 80 characters."),
});

export const setTeamMembersSchema = z
  .strictObject({
    members: z
      .array(
        z.strictObject({
          email: z.email({ error: "Give a valid email address." }).toLowerCase(),
          isLead: z
            .boolean({ error: "isLead is true or false." })
            .optional()
            .describe("Leads run the weekly check-in. Omitted: unchanged for current members, false for new ones."),
        }),
      )
      .max(MAX_TEAM_MEMBERS, `A team has at most ${MAX_TEAM_MEMBERS} members.`),
  })
  .refine((b) => new Set(b.members.map((m) => m.email)).size === b.members.length, {
    message: "Each email may appear once.",
    path: ["members"],
  })
  .describe(
    "The complete member list: people not listed are removed from the team. Everyone must already be an active " +
      "member of the organization (neither deactivated nor removed, unless already on the team); unknown emails are " +
      "listed in the error and nothing changes.",
  );

export type CreateTeamInput = z.input<typeof createTeamSchema>;
export type SetTeamMembersInput = z.input<typeof setTeamMembersSchema>;

// The team settings page (/settings/teams/<id>): renaming, members one at a time, and the lead
// measures the team tracks. FormData sends strings; JSON callers may send booleans and numbers.

export const renameTeamSchema = createTeamSchema;

/** true/false from a JSON body, or "true"/"false" from a hidden form field. */
const flag = (what: string) =>
  z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: `${what} is true or false.` }));

export const addTeamMembersSchema = z.strictObject({
  userIds: z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.uuid({ error: "Choose a person from the list." })).min(1, "Choose who to add.").max(MAX_TEAM_MEMBERS),
  ),
});

export const setTeamLeadSchema = z.strictObject({
  userId: z.uuid({ error: "Choose a member of the team." }),
  isLead: flag("isLead"),
});

export const teamLeadMeasureSchema = z.strictObject({
  leadMeasureId: z.uuid({ error: "Choose a lead measure." }),
  weeklyTarget: targetSchema.shape.weeklyTarget,
  personWeeklyTarget: targetSchema.shape.personWeeklyTarget,
});

export type TeamLeadMeasureInput = z.input<typeof teamLeadMeasureSchema>;
