// The server the Playwright suite runs against: a production build on the embedded database in
// a fresh data directory (the demo is seeded on start), so runs never share state.
import { rmSync } from "node:fs";
import path from "node:path";

// E2E_NAME gives a run its own data dir and build folder, so runs can go side by side.
const name = process.env.E2E_NAME ? `e2e-${process.env.E2E_NAME.replace(/[^a-z0-9-]/gi, "")}` : "e2e";
const dir = path.resolve(".data", name);
if (process.env.E2E_NAME) process.env.LEADLAG_DIST_DIR = `.next-${name}`;
rmSync(dir, { recursive: true, force: true });
process.env.LEADLAG_DATA_DIR = dir;
process.env.PORT = process.env.E2E_PORT ?? "3210";
process.env.NEXTAUTH_URL = `http://127.0.0.1:${process.env.PORT}`;
delete process.env.DATABASE_URL;
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { serve } = await import("./serve");
await serve("start");
