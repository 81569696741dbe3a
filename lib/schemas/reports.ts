// What an export asks for: the organization or one program, and a quarter ("2026-Q3").
import { z } from "zod";
import { isQuarterId } from "@/lib/domain/calendar/quarters";

export const REPORT_FORMATS = ["pdf", "md", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const exportReportSchema = z
  .object({
    scope: z.enum(["organization", "program"], { error: "Choose the organization or a program." }),
    programId: z.uuid({ error: "Choose a program." }).optional().or(z.literal("").transform(() => undefined)),
    quarter: z.string({ error: "Choose a quarter." }).refine(isQuarterId, "Choose a quarter such as 2026-Q3."),
  })
  .superRefine((v, ctx) => {
    if (v.scope === "program" && !v.programId) ctx.addIssue({ code: "custom", path: ["programId"], message: "Choose a program." });
  });

export type ExportReportInput = z.infer<typeof exportReportSchema>;
