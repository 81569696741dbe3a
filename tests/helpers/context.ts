// Small helpers the service-level integration tests share: a user's tenant context by email,
// and the AppError a call is expected to be refused with.
import { expect } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function contextOf(db: Db, email: string, organizationId: string): Promise<TenantContext> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return (await loadTenantContext(db, user.id, organizationId))!;
}

/** The AppError the promise rejects with (the test fails if it resolves or rejects otherwise). */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
