// How a page that failed for want of the database gets a 503 rather than a 500. Next gives any
// render error status 500 and a server component cannot choose another; but the custom server
// (scripts/server.ts) handles each request inside this async context, so pageData can flag the
// request as "unavailable" and the 500 about to be sent becomes 503 with Retry-After. Outside
// that server (next dev, tests) there is no context and nothing happens.
// One store per process, on globalThis: Next's bundle and the server load this module apart.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { RETRY_AFTER_SECONDS } from "@/lib/errors";

type RequestSignal = { unavailable: boolean };

const KEY = Symbol.for("leadlag.unavailableSignal");
const storage = ((globalThis as { [KEY]?: AsyncLocalStorage<RequestSignal> })[KEY] ??= new AsyncLocalStorage<RequestSignal>());

/** Marks the current request as failed because the database could not serve it now. */
export function signalUnavailable(): void {
  const signal = storage.getStore();
  if (signal) signal.unavailable = true;
}

/**
 * Runs `handle` (Next's handling of the request) in a fresh signal's context; a 500 it sends
 * after signalUnavailable() goes out as 503 with Retry-After. Every way of sending headers,
 * implicit ones included, goes through writeHead.
 */
export function handleWithSignal(res: ServerResponse, handle: () => void, retryAfterSeconds = RETRY_AFTER_SECONDS): void {
  const signal: RequestSignal = { unavailable: false };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status !== 500 || !signal.unavailable) return writeHead(status, ...rest);
    res.setHeader("Retry-After", String(retryAfterSeconds));
    res.setHeader("Cache-Control", "no-store");
    return writeHead(503, ...rest);
  }) as ServerResponse["writeHead"];
  storage.run(signal, handle);
}
