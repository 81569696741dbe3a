// Response of GET /api/v1/measures: what integrations map their data to.
import { z } from "zod";
import { Aggregation, Cadence, Direction, LagKind } from "@/lib/generated/prisma/enums";
import { day, goal, id, teamIdOrNull } from "./fields";

export const leadMeasureSchema = z.strictObject({
  id,
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  aggregation: z.enum(Aggregation),
  activeFrom: day.nullable(),
  activeTo: day.nullable(),
  archived: z.boolean(),
  teams: z
    .array(z.strictObject({ teamId: id, teamName: z.string(), weeklyTarget: z.number(), personWeeklyTarget: z.number().nullable() }))
    .describe("The active teams tracking it, with the targets in force this week."),
});

export const lagMeasureSchema = z.strictObject({
  id,
  name: z.string(),
  description: z.string(),
  teamId: teamIdOrNull.describe("null: organization-wide."),
  kind: z.enum(LagKind),
  unit: z.string(),
  direction: z.enum(Direction),
  cadence: z.enum(Cadence),
  baseline: goal,
  target: goal,
  ownerId: id.nullable().describe("The member who answers for the goal (a user id, as in GET /api/v1/users); null: nobody named."),
  archived: z.boolean(),
});

export const measuresSchema = z.strictObject({
  weekStart: day.describe("The current week, whose targets are shown."),
  leadMeasures: z.array(leadMeasureSchema),
  lagMeasures: z.array(lagMeasureSchema),
});
