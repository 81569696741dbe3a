import "server-only";
// The one Prisma client factory. Secrets are omitted from every query result by default;
// code that needs a password hash asks for it explicitly (`omit: { passwordHash: false }`).
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { PGlite } from "@electric-sql/pglite";
import { openAdapter, type DbTarget, type PoolSettings } from "./adapter";
import { withTenantGuard } from "./tenantGuard";

export type Db = ReturnType<typeof makeClient>;

/** Builds the client on an adapter factory (one process may open a PGlite data dir only once). */
export function makeClient(factory: SqlDriverAdapterFactory) {
  return withTenantGuard(new PrismaClient({ adapter: factory, omit: { user: { passwordHash: true } } }));
}

export type OpenedDb = {
  db: Db;
  target: DbTarget;
  /** The embedded database's one instance (none on PostgreSQL): the job queue shares it. */
  pglite?: PGlite;
  /** Disconnects Prisma and releases an embedded database. */
  close(): Promise<void>;
};

export async function openDb(target: DbTarget, pool?: Partial<PoolSettings>): Promise<OpenedDb> {
  const opened = await openAdapter(target, pool);
  const db = makeClient(opened.factory);
  return {
    db,
    target,
    pglite: opened.pglite,
    close: async () => {
      await db.$disconnect();
      await opened.close();
    },
  };
}
