// The production web server: Next's request handler behind the admission gate
// (lib/http/admission.ts), so an overloaded server answers what it can and gives the rest a
// quick 503 with Retry-After instead of letting every request wait for a database connection
// and fail slowly. `npm start` (scripts/serve.ts) runs it after the build and the database
// preparation, in a process of its own: Next must not load under the react-server condition
// the scripts run with. It is `next start` plus the gate; nothing else differs.
import { createServer } from "node:http";
import { requestsWithinPool } from "@/lib/db/budget";
import { admissionGate } from "@/lib/http/admission";
import { PEER_ADDRESS_HEADER } from "@/lib/http/clientIp";
import { handleWithSignal } from "@/lib/db/overloadSignal";
import { listenHost, parseEnv } from "@/lib/env";

(process.env as Record<string, string>).NODE_ENV = "production";
const e = parseEnv();
// Imported after NODE_ENV is set: Next reads it when it loads.
const { default: next } = await import("next");

const app = next({ dev: false, dir: process.cwd(), port: e.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const maxInFlight = e.LEADLAG_MAX_CONCURRENT_REQUESTS ?? requestsWithinPool(e.LEADLAG_DB_POOL_MAX);
const gate = admissionGate({
  maxInFlight,
  maxQueued: e.LEADLAG_REQUEST_QUEUE,
  maxWaitMs: e.LEADLAG_REQUEST_QUEUE_TIMEOUT_MS,
});

const server = createServer((req, res) => {
  // The socket's address, for the rate limits (lib/http/clientIp.ts): whatever a client sent
  // under this name is replaced.
  if (req.socket.remoteAddress) req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress;
  else delete req.headers[PEER_ADDRESS_HEADER];
  gate(req, res, () => {
    // A page that failed for want of the database goes out as 503, not 500 (overloadSignal).
    handleWithSignal(res, () => {
      handle(req, res).catch((err: unknown) => {
        console.error(err);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
  });
});

const host = listenHost(e);
server.listen(e.PORT, host, () => {
  console.log(
    `▸ Serving on ${host ?? "every interface"}, port ${e.PORT}: ${maxInFlight} requests at once, ` +
      `${e.LEADLAG_REQUEST_QUEUE} more may wait up to ${e.LEADLAG_REQUEST_QUEUE_TIMEOUT_MS} ms, beyond that 503`,
  );
});

// The job worker inside this process (instrumentation.ts, LEADLAG_ROLE=all) registers how to stop
// it here: Next's bundle has its own copy of lib/jobs, this script cannot import it.
const jobs = globalThis as unknown as { leadlagStopJobs?: (graceMs?: number) => Promise<void> };

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    // Jobs at work get their grace period to finish; those still at work are retried later.
    const stopJobs = jobs.leadlagStopJobs?.(e.LEADLAG_WORKER_STOP_TIMEOUT_MS).catch((err: unknown) => console.error("stopping the job worker:", err));
    void Promise.resolve(stopJobs)
      .then(() => app.close())
      .finally(() => process.exit(0));
  });
}
