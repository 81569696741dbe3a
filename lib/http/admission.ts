// Back-pressure in front of Next (scripts/server.ts): at most `maxInFlight` pages and API
// requests are answered at once; up to `maxQueued` more wait their turn for at most `maxWaitMs`;
// anything beyond gets a quick 503 with `Retry-After` — the one JSON error shape for the API, a
// short "busy" page for browsers. Without it an overloaded server takes every request, each one
// waits for a database connection, and they all fail slowly; with it the server answers what it
// can at full speed and tells the rest when to come back. Static files and the health check
// pass without waiting. A slot is given back when the response ends or the client goes away.
// Plain Node (no Next, no database): the custom server and the tests use it as is.
import type { IncomingMessage, ServerResponse } from "node:http";
import { RETRY_AFTER_SECONDS, toErrorBody, UnavailableError } from "@/lib/errors";

export type AdmissionOptions = {
  /** Requests being answered at once. */
  maxInFlight: number;
  /** Requests that may wait for a turn; 0 = none wait. */
  maxQueued: number;
  /** How long one waits before it gets a 503 instead. */
  maxWaitMs: number;
  /** Seconds in the 503's `Retry-After`. */
  retryAfterSeconds?: number;
};

export type AdmissionStats = { inFlight: number; queued: number; admitted: number; rejected: number };

/** Next's build output, public files and the health check: cheap, and needed to tell "busy". */
export function bypassesAdmission(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0]!;
  return (
    path.startsWith("/_next/static/") ||
    path === "/api/health" ||
    path === "/favicon.ico" ||
    path === "/robots.txt" ||
    path.startsWith("/_next/webpack-hmr")
  );
}

type Waiter = { admit(): void; timer: NodeJS.Timeout; gone: boolean };

export type AdmissionGate = {
  /** Calls `handle` when the request's turn comes, or answers 503 itself. */
  (req: IncomingMessage, res: ServerResponse, handle: () => void): void;
  stats(): AdmissionStats;
};

export function admissionGate(opts: AdmissionOptions): AdmissionGate {
  const retryAfter = opts.retryAfterSeconds ?? RETRY_AFTER_SECONDS;
  const queue: Waiter[] = [];
  let inFlight = 0;
  let admitted = 0;
  let rejected = 0;

  function release(): void {
    inFlight--;
    // The next one still waiting (some may have left or timed out meanwhile).
    while (inFlight < opts.maxInFlight && queue.length) {
      const w = queue.shift()!;
      clearTimeout(w.timer);
      if (!w.gone) w.admit();
    }
  }

  function start(res: ServerResponse, handle: () => void): void {
    inFlight++;
    admitted++;
    let released = false;
    // 'close' follows 'finish' and also fires when the client disconnects mid-answer.
    res.once("close", () => {
      if (released) return;
      released = true;
      release();
    });
    handle();
  }

  function refuse(req: IncomingMessage, res: ServerResponse): void {
    rejected++;
    if (!res.headersSent) sendBusy(req, res, retryAfter);
    else res.end();
  }

  const gate = ((req, res, handle) => {
    if (bypassesAdmission(req.url)) return handle();
    if (inFlight < opts.maxInFlight) return start(res, handle);
    if (queue.length >= opts.maxQueued) return refuse(req, res);
    const w: Waiter = {
      gone: false,
      admit: () => start(res, handle),
      timer: setTimeout(() => {
        w.gone = true;
        const i = queue.indexOf(w);
        if (i >= 0) queue.splice(i, 1);
        refuse(req, res);
      }, opts.maxWaitMs),
    };
    // A client that gives up while waiting frees its place in the queue.
    res.once("close", () => {
      if (w.gone) return;
      w.gone = true;
      clearTimeout(w.timer);
      const i = queue.indexOf(w);
      if (i >= 0) queue.splice(i, 1);
    });
    queue.push(w);
  }) as AdmissionGate;
  gate.stats = () => ({ inFlight, queued: queue.length, admitted, rejected });
  return gate;
}

/** Whether the caller wants JSON: the API, or a client that asks for it and not for a page. */
function wantsJson(req: IncomingMessage): boolean {
  if ((req.url ?? "").startsWith("/api/")) return true;
  const accept = req.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

function sendBusy(req: IncomingMessage, res: ServerResponse, retryAfter: number): void {
  const json = wantsJson(req);
  // The API's one error shape, as any route would answer an overloaded database.
  const body = json ? JSON.stringify(toErrorBody(new UnavailableError(undefined, retryAfter)).body) : busyPage(retryAfter);
  res.writeHead(503, {
    "Content-Type": json ? "application/json" : "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Retry-After": String(retryAfter),
    "Cache-Control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** A page that needs nothing else from the server (no scripts, no styles to fetch). */
function busyPage(retryAfter: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Busy — Leadlag</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1f2937}a{color:#1d4ed8}</style>
</head><body>
<h1>Leadlag is busy right now</h1>
<p>Too many people are using it at this moment. Nothing is lost: please try again in ${retryAfter} seconds.</p>
<p><a href="">Try again</a></p>
</body></html>
`;
}
