// A streamed answer of one JSON object per line (NDJSON), flushed as the work goes, so a browser
// can show progress. The status and headers leave before the work ends, so a failure after that
// travels as the last line, {"type":"error","error":{…}}, in the one error shape.
import { toErrorBody, type ErrorBody } from "@/lib/errors";

export type NdjsonError = { type: "error"; error: ErrorBody["error"] };

/** Streams what `run` sends, then what it returns (or the error it throws) as the last line. */
export function ndjsonResponse<E extends object>(run: (send: (e: E) => void) => Promise<E>): Response {
  const encoder = new TextEncoder();
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (e: E | NdjsonError) => {
        if (!open) return; // the client went away; the work still finishes (or fails) as a whole
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
        } catch {
          open = false;
        }
      };
      void run(send)
        .then(send, (err: unknown) => send({ type: "error", error: toErrorBody(err).body.error }))
        .finally(() => {
          if (open) controller.close();
          open = false;
        });
    },
    cancel() {
      open = false;
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
}
