// Runs once when the Next.js server starts: validate the environment even when the server is
// started with `next start` directly rather than `npm start`, so a bad value fails at once; then
// start the job worker in this process unless LEADLAG_ROLE=web (lib/jobs/worker.ts). Not while
// `next build` collects pages: that is no server.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    const e = env();
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { runsWorker, startProcessWorker } = await import("./lib/jobs/worker");
    if (!runsWorker(e.LEADLAG_ROLE)) {
      // A web-only process enqueues (exports, a tick after a schedule change): its queue, started now.
      const { processJobQueue } = await import("./lib/jobs/queue");
      processJobQueue().catch((err: unknown) => console.error("✖ The job queue could not start:", err));
      return;
    }
    // In the background: the server answers while the queue starts (exports wait for it).
    startProcessWorker(e.LEADLAG_ROLE).then(
      () => console.log("▸ Job worker running in the web server's process (LEADLAG_ROLE=all)"),
      (err: unknown) => console.error("✖ The job worker could not start:", err),
    );
  }
}
