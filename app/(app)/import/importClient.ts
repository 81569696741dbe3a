// The browser side of the import API: the preview request, and the commit's NDJSON stream read
// line by line as it arrives, so the progress bar moves while the server writes.
import type { ImportEvent } from "@/lib/http/endpoints/imports";
import type { ImportPreview, Written } from "@/lib/services/csvImport";
import type { ImportKind, RowProblem } from "@/lib/csv/options";

export type ImportOptions = { kind: ImportKind; file: File; dateOrder: string; decimalMark: string; mapping: Record<string, number | null> | null };

/** A refusal as the API words it, with the row problems when there are any. */
export class ImportFailed extends Error {
  constructor(
    message: string,
    public readonly problems: RowProblem[] = [],
    public readonly problemCount = 0,
  ) {
    super(message);
  }
}

function formOf(o: ImportOptions): FormData {
  const form = new FormData();
  form.set("file", o.file);
  form.set("dateOrder", o.dateOrder);
  form.set("decimalMark", o.decimalMark);
  if (o.mapping) form.set("mapping", JSON.stringify(o.mapping));
  return form;
}

type ErrorBody = { error?: { message?: string; details?: { problems?: RowProblem[]; problemCount?: number; fieldErrors?: Record<string, string[]> } } };

async function failure(res: Response): Promise<ImportFailed> {
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  const d = body.error?.details;
  const fieldMessages = Object.values(d?.fieldErrors ?? {}).flat();
  const message = fieldMessages[0] ?? body.error?.message ?? `The server answered ${res.status}.`;
  return new ImportFailed(message, d?.problems ?? [], d?.problemCount ?? 0);
}

export async function requestPreview(o: ImportOptions): Promise<ImportPreview> {
  const res = await fetch(`/api/v1/imports/${o.kind}/preview`, { method: "POST", body: formOf(o) });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as ImportPreview;
}

export async function runCommit(o: ImportOptions, onProgress: (done: number, total: number) => void): Promise<Written> {
  const res = await fetch(`/api/v1/imports/${o.kind}/commit`, { method: "POST", body: formOf(o) });
  if (!res.ok || !res.body) throw await failure(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines.filter((l) => l.trim() !== "")) {
      const event = JSON.parse(line) as ImportEvent;
      if (event.type === "start") onProgress(0, event.total);
      else if (event.type === "progress") onProgress(event.done, event.total);
      else if (event.type === "done") {
        const { type: _, ...written } = event;
        return written;
      }
      else if (event.type === "error") throw new ImportFailed(`${event.error.message} Nothing was imported.`);
    }
    if (done) break;
  }
  // All or nothing still holds, but we cannot tell which: importing the same file again is safe.
  throw new ImportFailed("The connection was lost before the import finished, so it either completed or wrote nothing. Importing the same file again is safe.");
}

/** Every listed problem as a CSV the person can open next to their file. */
export function problemsCsv(problems: RowProblem[]): string {
  const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ["row,column,problem", ...problems.map((p) => [p.row ?? "", q(p.column ?? ""), q(p.message)].join(","))].join("\r\n") + "\r\n";
}
