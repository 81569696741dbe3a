// Responses of the people endpoint (GET /api/v1/users).
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { id } from "./fields";

export const userSchema = z.strictObject({
  id,
  name: z.string(),
  email: z.email(),
  role: z.enum(Role),
  status: z.enum(["active", "deactivated"]).describe("Deactivated people cannot sign in to the organization; their history stays."),
  teams: z.array(z.strictObject({ id, name: z.string(), isLead: z.boolean() })).describe("Active teams, by name."),
});
export const userPageSchema = z.strictObject({
  data: z.array(userSchema).describe("By name."),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
});
