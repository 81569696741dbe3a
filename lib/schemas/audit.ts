// The audit trail's filters, as the page's URL and the CSV export's query carry them: who acted,
// which kind of record (or one entity type, for links from elsewhere), a range of days, and the
// page's cursor. FormData and URLs send strings; a blank field is no filter.
import { z } from "zod";
import { AUDIT_KINDS } from "@/lib/domain/auditText";
import { blankToUndefined, dayString } from "./formData";
import { text } from "./text";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const FILTERS = {
  person: optional(z.uuid({ error: "person must be a person's id." })),
  kind: optional(z.enum(Object.keys(AUDIT_KINDS) as [keyof typeof AUDIT_KINDS], { error: `kind is one of ${Object.keys(AUDIT_KINDS).join(", ")}.` })),
  type: optional(z.string().regex(/^[A-Za-z]{1,40}$/, "type is an entity type such as LeadCell.")),
  from: optional(dayString("Write from as YYYY-MM-DD.")),
  to: optional(dayString("Write to as YYYY-MM-DD.")),
  cursor: optional(text().max(200)),
};

const inOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const NOT_IN_ORDER = { message: "from must not be after to.", path: ["from"] };

export const auditFilterSchema = z.object(FILTERS).refine(inOrder, NOT_IN_ORDER);

export type AuditFilterInput = z.output<typeof auditFilterSchema>;

/** The CSV export takes the same filters (the whole trail: no cursor), and whether to start with a byte-order mark (helps Excel). */
const { cursor: _cursor, ...EXPORT_FILTERS } = FILTERS;

export const auditExportQuerySchema = z
  .object({ ...EXPORT_FILTERS, bom: z.enum(["true", "false"], { error: "bom is true or false." }).default("true") })
  .refine(inOrder, NOT_IN_ORDER);
