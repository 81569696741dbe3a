// `npm run worker`: the job worker alone (LEADLAG_ROLE=worker), for running workers apart from
// the web servers — any number of them, on one PostgreSQL database. It applies pending
// migrations first (as a web server does), then works until SIGTERM or SIGINT, when it stops
// taking jobs and gives those at work LEADLAG_WORKER_STOP_TIMEOUT_MS to finish. With the
// embedded database it explains why it cannot run and exits 1: the web server runs the jobs.
import { dbTarget } from "@/lib/db/target";
import { prepareDatabase } from "@/lib/seed/prepare";
import { roleProblem, startProcessWorker, stopProcessWorker } from "@/lib/jobs/worker";
import { loadEnvOrExit } from "./serve";

const e = loadEnvOrExit();
const target = dbTarget(e);
const problem = roleProblem("worker", target);
if (problem) {
  console.error(`\n✖ ${problem}\n`);
  process.exit(1);
}

try {
  const { applied } = await prepareDatabase(target, { seedDemo: false });
  if (applied.length) console.log(`▸ Applied migrations: ${applied.join(", ")}`);
  await startProcessWorker("worker");
} catch (err) {
  console.error(`\n✖ Could not start the job worker: ${err instanceof Error ? err.message : String(err)}\nCheck that DATABASE_URL points at a running server you can connect to.\n`);
  process.exit(1);
}
console.log(`▸ Job worker running (pid ${process.pid}); stop it with SIGTERM or Ctrl-C.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`▸ Stopping the job worker (jobs at work get ${e.LEADLAG_WORKER_STOP_TIMEOUT_MS} ms to finish)…`);
    void stopProcessWorker(e.LEADLAG_WORKER_STOP_TIMEOUT_MS).finally(() => process.exit(0));
  });
}
