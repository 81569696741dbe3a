// Playwright runs against a production build (`next build` + `next start`) with the embedded
// database in a fresh data directory — what a newcomer gets from `npm install && npm start` —
// seeded with the demo organization and one copy of it per spec, at a fixed clock
// (scripts/e2e-server.ts, e2e/orgs.ts).
import { defineConfig, devices } from "@playwright/test";
import { chooseChromium } from "./e2e/browser";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// CHROME_PATH, Debian's, Playwright's, else the one npm install brought (see e2e/browser.ts).
const browser = await chooseChromium();

export default defineConfig({
  testDir: "e2e",
  // Spec files run side by side (each has its own organization); the tests of one file run in
  // order, in one worker. Two workers suit a 2-core machine: the server and the browsers share it.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 2,
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
        launchOptions: { executablePath: browser.executablePath, args: browser.args },
      },
    },
  ],
  webServer: {
    command: "tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), ...(process.env.E2E_NAME ? { E2E_NAME: process.env.E2E_NAME } : {}) },
  },
});
