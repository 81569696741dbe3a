// The report's particulars — who, what, when — as the header of every format lists them, in
// one order with one wording. Pure.
import type { ReportDocument } from "../document";

/** Label and value pairs; a particular without a value is left out rather than printed empty. */
export function reportParticulars(meta: ReportDocument["meta"]): [label: string, value: string][] {
  const all: [string, string][] = [
    ["Organization", meta.organization],
    ["Scope", meta.scope],
    ["Period", meta.period],
    ["As of", meta.asOf],
    ["Generated on", meta.generatedOn],
    ["Prepared by", meta.preparedBy],
  ];
  return all.filter(([, value]) => value !== "");
}
