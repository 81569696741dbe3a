// Prisma CLI configuration. Only `prisma generate` uses the CLI here; migrations run through
// Prisma's WebAssembly schema engine (lib/db/migrate.ts) so they work with no native engine.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
