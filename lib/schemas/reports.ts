// What an export asks for: the organization or one program, and a quarter ("2026-Q3") of the
// calendar range. Strict: a misspelt key is refused, not ignored.
import { z } from "zod";
import { isQuarterId } from "@/lib/domain/calendar/quarters";
import { QUARTER_OUT_OF_RANGE_MESSAGE } from "@/lib/domain/calendar/range";
import { text } from "./text";

export const REPORT_FORMATS = ["pdf", "md", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const QUARTER_SHAPE = /^\d{4}-Q[1-4]$/;

export const exportReportSchema = z
  .strictObject({
    scope: z.enum(["organization", "program"], { error: "Choose the organization or a program." }),
    programId: z.uuid({ error: "Choose a program." }).optional().or(z.literal("").transform(() => undefined)),
    // One message per bad quarter, and not a fatal one, so the form's other fields are still checked.
    quarter: text({ error: "Choose a quarter." })
      .superRefine((v, ctx) => {
        if (!QUARTER_SHAPE.test(v)) ctx.addIssue({ code: "custom", message: "Choose a quarter such as 2026-Q3." });
        else if (!isQuarterId(v)) ctx.addIssue({ code: "custom", message: QUARTER_OUT_OF_RANGE_MESSAGE });
      })
      .describe("A calendar quarter such as 2026-Q3, from 2000-Q1 to 2100-Q4."),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "program" && !v.programId) ctx.addIssue({ code: "custom", path: ["programId"], message: "Choose a program." });
  });

export type ExportReportInput = z.infer<typeof exportReportSchema>;

/** How long a share link lasts, in days: the choices the form offers, 30 by default. */
export const SHARE_DAYS = [7, 30, 90] as const;
export const DEFAULT_SHARE_DAYS = 30;

export const createReportShareSchema = z.object({
  reportId: z.uuid({ error: "Choose a report." }),
  days: z.coerce
    .number({ error: "Choose how long the link lasts." })
    .int({ error: "Choose how long the link lasts." })
    .refine((d) => (SHARE_DAYS as readonly number[]).includes(d), { error: `Choose ${SHARE_DAYS.join(", ")} days.` })
    .default(DEFAULT_SHARE_DAYS),
});
