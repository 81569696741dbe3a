// `npm run lighthouse [-- options]`: Lighthouse's accessibility and best-practices scores of the
// pages people use most — sign-in, a team's page, its check-in and the dashboard — on a running
// production server (`npm start`), the signed-in pages as the demo manager (the session cookie
// goes along as an extra header). Not part of `npm test`: the scores depend on the browser and
// Lighthouse's version, and a run takes a minute. Prints each page's two scores and, below them,
// every audit that cost points, so a regression names its cause.
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { chromium } from "@playwright/test";
import { chooseChromium } from "../e2e/browser";
import { DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { signIn } from "./signInOverHttp";

const USAGE = `Usage: npm run lighthouse [-- options]
  --url URL        the running server (default http://localhost:$PORT, PORT defaulting to 3000)
  --email EMAIL    who signs in for the signed-in pages (default ${DEMO_USERS.manager.email}, a lead and a manager)
  --password PW    their password (default the demo password)
  --desktop        Lighthouse's desktop settings instead of its default (a phone)
The Chromium is the browser tests' (e2e/browser.ts: CHROME_PATH, the system's, Playwright's or the bundled one).`;

const CATEGORIES = ["accessibility", "best-practices"] as const;
const DEBUG_PORT = 9333;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The first team on the signed-in person's home page ("My teams"). */
async function firstTeamPath(baseUrl: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/`, { headers: { cookie } })).text();
  const match = /href="(\/teams\/[0-9a-f-]{36})"/.exec(html);
  if (!match) throw new Error("The home page links no team: is the signed-in person on one?");
  return match[1]!;
}

type PageScores = { page: string; path: string; scores: Record<string, number | null>; lost: string[] };

/** The audits of the categories that did not pass, as "category: title (id)". */
function lostPoints(lhr: Result): string[] {
  const lost: string[] = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score === 1) continue;
      lost.push(`${id}: ${audit.title} (${audit.id})`);
    }
  }
  return lost;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help")) {
    console.log(USAGE);
    return;
  }
  const baseUrl = (option(args, "--url") ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
  const email = option(args, "--email") ?? DEMO_USERS.manager.email;
  const password = option(args, "--password") ?? DEMO_USERS.manager.password;

  const cookie = await signIn(baseUrl, email, password);
  const team = await firstTeamPath(baseUrl, cookie);
  const pages = [
    { page: "sign-in", path: "/sign-in", signedIn: false },
    { page: "team", path: team, signedIn: true },
    { page: "check-in", path: `${team}/check-in`, signedIn: true },
    { page: "dashboard", path: "/dashboard", signedIn: true },
  ];

  const browser = await chooseChromium();
  console.log(`▸ Lighthouse on ${baseUrl} as ${email}, ${args.includes("--desktop") ? "desktop" : "phone (Lighthouse's default)"}; Chromium: ${browser.source}`);
  // Lighthouse drives the browser over its debugging port; Playwright only starts and stops it.
  const chrome = await chromium.launch({ executablePath: browser.executablePath, args: [...browser.args, `--remote-debugging-port=${DEBUG_PORT}`] });
  const results: PageScores[] = [];
  try {
    for (const p of pages) {
      const flags: Flags = {
        port: DEBUG_PORT,
        logLevel: "error",
        output: "json",
        onlyCategories: [...CATEGORIES],
        ...(p.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
      };
      const run = await lighthouse(`${baseUrl}${p.path}`, flags, args.includes("--desktop") ? desktopConfig : undefined);
      if (!run) throw new Error(`Lighthouse returned nothing for ${p.path}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${p.path}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)]));
      results.push({ page: p.page, path: p.path, scores, lost: lostPoints(lhr) });
    }
  } finally {
    await chrome.close();
  }

  console.log(`\n${"page".padEnd(10)} ${"accessibility".padStart(13)} ${"best practices".padStart(14)}  path`);
  for (const r of results) {
    const [a, b] = CATEGORIES.map((c) => String(r.scores[c] ?? "–"));
    console.log(`${r.page.padEnd(10)} ${a!.padStart(13)} ${b!.padStart(14)}  ${r.path}`);
  }
  for (const r of results.filter((r) => r.lost.length)) {
    console.log(`\n${r.page} lost points on:`);
    for (const l of r.lost) console.log(`  - ${l}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`\n✖ ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
