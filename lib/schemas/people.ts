// Input of the people settings (forms and actions): whose membership, and the role to give.
import { z } from "zod";
import { isUuid } from "./ids";
import { text } from "./text";

/** The roles a role change can give: ownership moves only by transfer. */
export const GRANTABLE_ROLES = ["ADMIN", "MANAGER", "MEMBER", "VIEWER"] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

const userId = text({ error: "Choose a person." }).refine(isUuid, "Choose a person.");

export const personSchema = z.object({ userId });

export const changeRoleSchema = z.object({
  userId,
  role: z.enum(GRANTABLE_ROLES, { error: "Choose admin, manager, member or viewer." }),
});

/** GET /api/v1/users and the people page: search, status, page. */
export const listPeopleQuerySchema = z.strictObject({
  q: text().trim().max(200, "Keep the search under 200 characters.").optional().describe("Part of a name or email."),
  status: z.enum(["active", "deactivated"], { error: "status is active or deactivated." }).optional(),
  limit: z.coerce
    .number({ error: "Give the limit as a number." })
    .int("Give the limit as a whole number.")
    .min(1, "The limit is at least 1.")
    .max(500, "The limit is at most 500.")
    .default(100)
    .describe("People per page (at most 500)."),
  cursor: text().optional().describe("The `nextCursor` of the previous page."),
});

export type ChangeRoleInput = z.input<typeof changeRoleSchema>;
