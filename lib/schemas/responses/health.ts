// Response of GET /api/health, for load balancers and readiness checks.
import { z } from "zod";

const database = z.enum(["embedded", "postgres"]).describe("The kind of database the server uses.");

export const healthSchema = z.strictObject({ status: z.literal("ok"), database });
export const healthUnavailableSchema = z.strictObject({
  status: z.literal("unavailable"),
  database,
  error: z.strictObject({ code: z.literal("unavailable"), message: z.string() }),
});
