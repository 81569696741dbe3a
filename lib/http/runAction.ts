import "server-only";
// The one pipeline for server actions: authenticate → run the tenant-scoped service → turn
// refusals into form state with field messages. Unexpected errors are logged, not shown.
import { unstable_rethrow } from "next/navigation";
import { requireActionContext } from "@/lib/auth/context";
import type { TenantContext } from "@/lib/auth/tenant";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { AppError, asUnavailable, type FieldErrors } from "@/lib/errors";

export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; message: string; fieldErrors: FieldErrors };

export async function runAction(fn: (db: Db, ctx: TenantContext) => Promise<string>): Promise<ActionState> {
  return runPublicAction(async (db) => fn(db, await requireActionContext()));
}

/** The same pipeline for actions anyone may call (signing up, accepting an invitation): no context. */
export async function runPublicAction(fn: (db: Db) => Promise<string>): Promise<ActionState> {
  try {
    const message = await fn(await getDb());
    return { status: "ok", message };
  } catch (err) {
    unstable_rethrow(err);
    // A saturated or absent database says "busy, try again" rather than "went wrong".
    err = err instanceof AppError ? err : (asUnavailable(err) ?? err);
    if (err instanceof AppError) {
      return { status: "error", message: err.message, fieldErrors: err.details?.fieldErrors ?? {} };
    }
    console.error(err);
    return { status: "error", message: "Something went wrong on our side. Please try again.", fieldErrors: {} };
  }
}
