// Responses of the teams endpoints.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { count, id } from "./fields";

export const teamSchema = z.strictObject({ id, name: z.string(), memberCount: count });
export const teamListSchema = z.strictObject({ data: z.array(teamSchema).describe("By name.") });
export const teamCreatedSchema = z.strictObject({ data: teamSchema });

export const teamMemberSchema = z.strictObject({ userId: id, email: z.email(), name: z.string(), role: z.enum(Role), isLead: z.boolean() });
export const teamMemberListSchema = z.strictObject({ data: z.array(teamMemberSchema).describe("By name.") });

export const setMembersResultSchema = z.strictObject({
  added: count,
  removed: count,
  updated: count.describe("Members whose lead flag changed."),
  members: count.describe("Members after the change."),
  data: z.array(teamMemberSchema).describe("The new member list, by name."),
});
