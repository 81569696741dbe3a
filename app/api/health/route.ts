import { getDb } from "@/lib/db";
import { dbTarget } from "@/lib/db/target";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 5_000;

/** Liveness and database reachability, for load balancers and `npm start` readiness checks. */
export async function GET() {
  const database = dbTarget().kind;
  try {
    const db = await getDb();
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), TIMEOUT_MS).unref()),
    ]);
    return Response.json({ status: "ok", database });
  } catch (err) {
    console.error("health: database unreachable:", err instanceof Error ? err.message : err);
    return Response.json(
      { status: "unavailable", database, error: { code: "unavailable", message: "The database is unreachable." } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
}
