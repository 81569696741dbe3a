// Inputs of invitations: inviting people (the settings form, the setup wizard and the API) and
// accepting an invitation as a new person. One set of rules for the browser and the server.
import { z } from "zod";
import { newPasswordSchema, personNameSchema } from "./auth";
import { text } from "./text";

/** The roles an invitation can carry: everything but owner (ownership moves only by transfer). */
export const INVITABLE_ROLES = ["ADMIN", "MANAGER", "MEMBER", "VIEWER"] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** At most this many people per request (a pasted list, a CSV file or an API call). */
export const MAX_INVITEES = 500;
/** An invitation link works this long after it was (re)sent. */
export const INVITATION_DAYS = 7;

export const invitableRoleSchema = z.enum(INVITABLE_ROLES, { error: "Choose admin, manager, member or viewer." });

const teamIdsSchema = z
  .array(z.uuid({ error: "Choose teams from the list." }))
  .max(100, "Choose at most 100 teams.")
  .default([])
  .describe("Teams the person joins on accepting (this organization's, not archived).");

/** What every invitation of one request shares: the role and teams (a CSV row may override them). */
export const inviteDefaultsSchema = z.object({
  role: invitableRoleSchema.default("MEMBER").describe("The role the person gets on accepting. Managers may give member or viewer."),
  teamIds: teamIdsSchema,
});

/**
 * POST /api/v1/invitations, and the settings form's pasted list: one email, a list of them, or
 * text with several separated by commas, semicolons or new lines ("Ana Lima <ana@example.com>"
 * is read as ana@example.com). Strict: a misspelt key ("email", "team_ids") is refused, not ignored.
 */
export const inviteSchema = z.strictObject({
  ...inviteDefaultsSchema.shape,
  emails: z
    .union([
      text({ error: "Enter at least one email address." }).max(100_000, "Paste at most 100,000 characters."),
      z.array(text({ error: "Each email is a string." }).max(400, "An email address has at most 254 characters.")).max(MAX_INVITEES, `Invite at most ${MAX_INVITEES} people at a time.`),
    ])
    .describe(`One email, an array of them, or text with several separated by commas, semicolons or new lines. At most ${MAX_INVITEES}.`),
});

export type InviteInput = z.input<typeof inviteSchema>;

/** Accepting an invitation as someone new: a name and a password (the server also refuses common passwords). */
export const acceptAsNewPersonSchema = z.object({
  name: personNameSchema,
  password: newPasswordSchema,
});

export const MAX_INVITATION_PAGE = 200;

/** GET /api/v1/invitations. */
export const listInvitationsQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: "Give the limit as a number." })
    .int("Give the limit as a whole number.")
    .min(1, "The limit is at least 1.")
    .max(MAX_INVITATION_PAGE, `The limit is at most ${MAX_INVITATION_PAGE}.`)
    .default(50)
    .describe(`Invitations per page (at most ${MAX_INVITATION_PAGE}).`),
  cursor: text().max(200).optional().describe("The `nextCursor` of the previous page."),
});
