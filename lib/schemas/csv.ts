// The CSV endpoints' inputs: how an uploaded file is to be read (form fields of the import page,
// or query parameters of a raw upload), and which rows an export holds (query parameters).
import { z } from "zod";
import { DATE_ORDERS, DECIMAL_MARKS } from "@/lib/csv/options";
import { blankToUndefined, dayString } from "./formData";
import { text } from "./text";

export const readOptionsSchema = z.object({
  dateOrder: z.preprocess(
    blankToUndefined,
    z.enum(DATE_ORDERS, { error: "Choose ymd, dmy or mdy as the date order." }).default("ymd"),
  ),
  decimalMark: z.preprocess(
    blankToUndefined,
    z.enum(DECIMAL_MARKS, { error: "Choose dot or comma as the decimal mark." }).default("dot"),
  ),
  mapping: z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      if (typeof b !== "string") return b;
      try {
        return JSON.parse(b) as unknown;
      } catch {
        return "not json";
      }
    },
    z
      .record(text().max(200), z.union([z.number().int().min(0), text().max(500), z.null()]), {
        error: 'Send the mapping as JSON, e.g. {"email": 0, "team": "Team name"}.',
      })
      .optional(),
  ),
});

const isoDate = (what: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), dayString(`Write ${what} as YYYY-MM-DD.`).optional());

export const exportParamsSchema = z
  .object({
    from: isoDate("from"),
    to: isoDate("to"),
    team: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "team must be a team id." }).optional()),
    /** A byte-order mark helps Excel; tools that choke on it can turn it off. */
    bom: z.enum(["true", "false"], { error: "bom is true or false." }).default("true"),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "from must not be after to.", path: ["from"] });
