// postinstall: generates the Prisma client into lib/generated/prisma (not committed).
// `prisma generate` does not need Prisma's native schema engine, but the CLI insists on
// finding one and would try to download it; any existing file satisfies it (PLATFORM.md).
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
