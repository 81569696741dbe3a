import "server-only";
// The one pipeline for server actions: authenticate → run the tenant-scoped service → turn
// refusals into form state with field messages. Unexpected errors are logged, not shown.
import { unstable_rethrow } from "next/navigation";
import { requireActionContext } from "@/lib/auth/context";
import type { TenantContext } from "@/lib/auth/tenant";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";

export type ActionState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; message: string; fieldErrors: FieldErrors };

export async function runAction(fn: (db: Db, ctx: TenantContext) => Promise<string>): Promise<ActionState> {
  try {
    const ctx = await requireActionContext();
    const message = await fn(await getDb(), ctx);
    return { status: "ok", message };
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof AppError) {
      return { status: "error", message: err.message, fieldErrors: err.details?.fieldErrors ?? {} };
    }
    console.error(err);
    return { status: "error", message: "Something went wrong on our side. Please try again.", fieldErrors: {} };
  }
}
