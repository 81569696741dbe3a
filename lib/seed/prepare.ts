import "server-only";
// Start-up work on the database, done before the web server opens it: apply pending
// migrations, fail the report exports whose job is gone (lib/jobs/exportOrphans.ts), then seed the demo
// organization into an empty database. PGlite allows one
// owner per data directory, so this runs and closes before `next` starts.
import { openAdapter, type DbTarget } from "../db/adapter";
import { makeClient } from "../db/client";
import { migrate } from "../db/migrate";
import { failOrphanedExports } from "@/lib/jobs/exportOrphans";
import * as clock from "@/lib/clock";
import { seedDemoIfEmpty } from "@/lib/seed/demo/seedDemo";

export type PrepareResult = {
  applied: string[];
  seeded: boolean;
  /** Report exports left running with no job to finish them, now failed (lib/jobs/exportOrphans.ts). */
  interruptedExports: number;
};

/** What start-up is doing, for its progress lines (scripts/serve.ts). */
export type PrepareProgress =
  | { step: "migrating"; name: string; position: number; total: number }
  /** `what`: the demo seed's own words for its next step ("people", "measures"…). */
  | { step: "seeding"; what: string }
  | { step: "analyzing" };

export async function prepareDatabase(
  target: DbTarget,
  opts: { seedDemo: boolean; onProgress?: (progress: PrepareProgress) => void },
): Promise<PrepareResult> {
  const { onProgress } = opts;
  const opened = await openAdapter(target);
  try {
    const { applied } = await migrate(opened.factory, { onApplying: onProgress && ((m) => onProgress({ step: "migrating", ...m })) });
    // An export whose worker died is not among them: its job is retried (lib/jobs/reportExport.ts).
    const swept = makeClient(opened.factory);
    let interruptedExports: number;
    try {
      interruptedExports = await failOrphanedExports(swept);
    } finally {
      await swept.$disconnect();
    }
    let seeded = false;
    if (opts.seedDemo) {
      const db = makeClient(opened.factory);
      try {
        seeded = (
          await seedDemoIfEmpty(db, {
            today: clock.now(), // LEADLAG_CLOCK's day when set
            onProgress: onProgress && ((what) => onProgress({ step: "seeding", what })),
          })
        ).seeded;
      } finally {
        await db.$disconnect();
      }
    }
    // PGlite runs no autovacuum: without planner statistics the dashboard of a 150-team
    // organization takes ~11 s instead of ~0.5 s. Refresh them on every start.
    if (target.kind === "embedded") {
      onProgress?.({ step: "analyzing" });
      const db = makeClient(opened.factory);
      try {
        await db.$executeRawUnsafe("ANALYZE");
      } finally {
        await db.$disconnect();
      }
    }
    return { applied, seeded, interruptedExports };
  } finally {
    await opened.close();
  }
}
