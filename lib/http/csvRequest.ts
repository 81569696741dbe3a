// Reading an import request: the file either as a multipart form (field "file", as the import
// page sends it) or as the raw body (Content-Type text/csv, as `curl --data-binary @file.csv`
// sends it), with the reading options as form fields or query parameters. The body is read up
// to a limit, so an oversized upload is refused without being held in memory.
import { AppError, fieldErrorsOf, validationError } from "@/lib/errors";
import type { ReadOptions, RequestedMapping } from "@/lib/csv/options";
import { readOptionsSchema } from "@/lib/schemas/csv";
import type { ImportFile } from "../services/csvImport";
import { textProblem } from "@/lib/schemas/text";

/** 100k rows of lead entries take about 6 MB; 20 MB leaves room for long notes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const tooLarge = () =>
  new AppError("validation_failed", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`, {
    fieldErrors: { file: ["The file is too large."] },
  });

async function readLimited(request: Request, max: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function parseOptions(input: Record<string, unknown>): ReadOptions & { mapping?: RequestedMapping } {
  const r = readOptionsSchema.safeParse(input);
  if (!r.success) throw validationError(fieldErrorsOf(r.error), "The import options need attention.");
  return r.data;
}

export async function readImportRequest(request: Request): Promise<ImportFile> {
  // The multipart boundary is case-sensitive: keep the header as sent, compare it lower-cased.
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.toLowerCase();
  // Multipart framing adds a little to the file itself.
  const body = await readLimited(request, MAX_IMPORT_BYTES + 64 * 1024);
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new AppError("validation_failed", "The upload could not be read as a form.");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") {
      throw validationError({ file: ["Choose a CSV file."] }, "Choose a CSV file.");
    }
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
    const options = parseOptions(Object.fromEntries([...form.entries()].filter(([k]) => k !== "file")));
    // The name is stored in the import's audit row: one PostgreSQL text cannot hold is not used.
    const fileName = file.name && !textProblem(file.name) ? file.name : "upload.csv";
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName, options };
  }
  if (type.startsWith("text/csv") || type.startsWith("text/plain") || type.startsWith("application/octet-stream")) {
    if (body.byteLength > MAX_IMPORT_BYTES) throw tooLarge();
    const options = parseOptions(Object.fromEntries(new URL(request.url).searchParams));
    return { bytes: body, fileName: "upload.csv", options };
  }
  throw new AppError(
    "validation_failed",
    'Send the file as multipart/form-data (field "file") or as the request body with Content-Type: text/csv.',
  );
}
