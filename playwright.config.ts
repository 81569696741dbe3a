// Playwright runs against a production build (`next build` + `next start`) with the embedded
// database in a fresh data directory, seeded with the demo organization — exactly what a
// newcomer gets from `npm install && npm start`.
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/** Debian's Chromium, else a Playwright-installed one; a clear error when there is none. */
function chromiumExecutable(): string | undefined {
  for (const candidate of [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const cache = path.join(os.homedir(), ".cache", "ms-playwright");
  if (existsSync(cache) && readdirSync(cache).some((d) => d.startsWith("chromium"))) return undefined; // Playwright's own
  throw new Error(
    "No Chromium found for the browser tests. Install one: `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROME_PATH.",
  );
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: `test-results/e2e${process.env.E2E_NAME ? `-${process.env.E2E_NAME}` : ""}`,
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${BASE_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), ...(process.env.E2E_NAME ? { E2E_NAME: process.env.E2E_NAME } : {}) },
  },
});
