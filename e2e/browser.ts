// Which Chromium the browser tests drive — one answer for playwright.config.ts and `npm test`.
// In order: CHROME_PATH; Debian's /usr/bin/chromium(-browser); a Chromium installed by
// `npx playwright install`; else the one `npm install` brought in the @sparticuz/chromium package
// (a brotli-compressed Chromium for Linux x64, unpacked once into the temp dir). So a fresh
// machine needs nothing but `npm install && npm test`.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

export type ChosenChromium = {
  /** undefined: Playwright's own browser for its revision. */
  executablePath: string | undefined;
  args: string[];
  /** Where it came from, for the log. */
  source: string;
};

/** Flags for a headless Chromium on a CI box or a container, whichever binary it is. */
const COMMON_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/**
 * @sparticuz/chromium's flags are made for AWS Lambda; these would make our tests less like a
 * real browser: one process for every page (a crash takes all contexts down) and no same-origin
 * policy. The rest (headless shell, software GL, no zygote) is what its binary needs.
 */
const DROPPED_BUNDLED_ARGS = new Set(["--single-process", "--disable-web-security", "--allow-running-insecure-content"]);

export class NoChromiumError extends Error {
  constructor(detail: string) {
    super(
      "No Chromium for the browser tests. `npm install` normally brings one (the @sparticuz/chromium devDependency, Linux x64); " +
        `here it is unusable: ${detail}.\n` +
        "Install one (`apt-get install -y chromium` on Debian/Ubuntu, or `npx playwright install chromium`), " +
        "or point CHROME_PATH at a Chromium or Chrome binary.",
    );
    this.name = "NoChromiumError";
  }
}

/** The first Chromium found without unpacking anything, or undefined. */
function installedChromium(): ChosenChromium | undefined {
  const fromEnv = process.env.CHROME_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new NoChromiumError(`CHROME_PATH=${fromEnv} does not exist`);
    return { executablePath: fromEnv, args: COMMON_ARGS, source: `CHROME_PATH (${fromEnv})` };
  }
  for (const system of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(system)) return { executablePath: system, args: COMMON_ARGS, source: system };
  }
  // Playwright's own download for this version: the full browser, or only its headless shell,
  // which Playwright picks by itself for headless runs.
  const full = chromium.executablePath(); // <cache>/chromium-<revision>/chrome-linux64/chrome
  const revisionDir = path.dirname(path.dirname(full));
  const shell = path.join(path.dirname(revisionDir), path.basename(revisionDir).replace(/^chromium-/, "chromium_headless_shell-"));
  if (existsSync(shell)) return { executablePath: undefined, args: COMMON_ARGS, source: `Playwright's ${shell}` };
  if (existsSync(full)) return { executablePath: full, args: COMMON_ARGS, source: `Playwright's ${full}` };
  return undefined;
}

/** The folder and version of @sparticuz/chromium, from its entry point (its package.json is not exported). */
function packageOf(entry: string): { root: string; version: string } {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "@sparticuz/chromium" && pkg.version) return { root: dir, version: pkg.version };
  }
  throw new NoChromiumError(`no package.json of @sparticuz/chromium above ${entry}`);
}

/**
 * Unpacks @sparticuz/chromium into `<tmp>/leadlag-chromium-<version>` once. The package unpacks
 * into os.tmpdir() and trusts whatever is there, so it unpacks into a private staging folder
 * that is renamed into place when complete: a run that stops half-way, or two runs at once,
 * never leave a half-written browser behind for the next one.
 */
async function bundledChromium(): Promise<ChosenChromium> {
  if (process.platform !== "linux" || process.arch !== "x64") throw new NoChromiumError(`it ships for Linux x64 only, not ${process.platform} ${process.arch}`);
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve("@sparticuz/chromium");
  } catch {
    throw new NoChromiumError("the @sparticuz/chromium package is not installed (run npm install)");
  }
  const { root, version } = packageOf(entry);
  const { default: bundled } = await import("@sparticuz/chromium");
  const args = [...bundled.args.filter((a) => !DROPPED_BUNDLED_ARGS.has(a)), ...COMMON_ARGS];
  const home = path.join(os.tmpdir(), `leadlag-chromium-${version}`);
  const binary = path.join(home, "chromium");
  const source = `@sparticuz/chromium ${version} (${binary})`;
  if (existsSync(binary)) return { executablePath: binary, args, source };

  const staging = mkdtempSync(`${home}.partial-`);
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging; // where the package unpacks (it reads os.tmpdir())
  try {
    await bundled.executablePath(path.join(root, "bin"));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new NoChromiumError(`unpacking it failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  try {
    renameSync(staging, home);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(binary)) throw e; // else another run finished first: use its copy
  }
  return { executablePath: binary, args, source };
}

/** The Chromium to drive; unpacks the bundled one on first use (~10 s). Throws NoChromiumError. */
export async function chooseChromium(): Promise<ChosenChromium> {
  return installedChromium() ?? (await bundledChromium());
}
