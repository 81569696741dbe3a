// How a page that failed for want of the database gets a 503 rather than a 500. Next gives any
// render error status 500 and a server component cannot choose another. But the custom server
// (scripts/server.ts) handles each request inside this async context, and the database adapter
// raises the signal whenever a query of the request fails because the database cannot serve it
// now (asUnavailable: no free connection in time, statement timeout, too many connections,
// server away) — wherever that happens: the layout's session lookup, a view, an action. The
// 500 about to be sent then goes out as 503 with Retry-After. Outside that server (next dev,
// scripts, tests) there is no context and nothing happens.
// One store per process, on globalThis: Next's bundle and the server load this module apart.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { asUnavailable, RETRY_AFTER_SECONDS } from "@/lib/errors";

type RequestSignal = { unavailable: boolean };

const KEY = Symbol.for("leadlag.overloadSignal");
const storage = ((globalThis as { [KEY]?: AsyncLocalStorage<RequestSignal> })[KEY] ??= new AsyncLocalStorage<RequestSignal>());

/** Marks the current request as failed because the database could not serve it now. */
export function signalUnavailable(): void {
  const signal = storage.getStore();
  if (signal) signal.unavailable = true;
}

/**
 * Runs `handle` (Next's handling of the request) in a fresh signal's context; a 500 it sends
 * after the signal was raised goes out as 503 with Retry-After. Every way of sending headers,
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

/**
 * The adapter factory, with every call of its connections and transactions (queryRaw,
 * executeRaw, startTransaction, commit…) watched: a failure that means "not now" raises the
 * current request's signal, and is passed on unchanged.
 */
export function watchForOverload<F extends SqlDriverAdapterFactory>(factory: F): F {
  return watched(factory);
}

function watched<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          // Connections and transactions are watched too.
          (v: unknown) => (v && typeof v === "object" && typeof (v as { queryRaw?: unknown }).queryRaw === "function" ? watched(v) : v),
          (err: unknown) => {
            if (asUnavailable(err)) signalUnavailable();
            throw err;
          },
        );
      };
    },
  });
}
