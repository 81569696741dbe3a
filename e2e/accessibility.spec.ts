// axe on every page, at a desktop's width (1280×800) and a phone's (360×740): zero violations of
// any impact. Signed out: the sign-in, sign-up, password, invitation, SSO and unsubscribe pages;
// as the owner: every page of the app with real ids (a team, its check-in, a lead and a lag
// measure, a program, a report, the settings, audit, import, notifications, account); as a
// member: the 403 page; and the 404 pages (an unknown address, an unknown record).
//
// Each page is loaded once and scanned at both sizes: the layout follows the viewport through CSS
// alone (nothing in the app reads the window's size), so resizing the loaded page shows what a
// phone gets, at half the page loads.
//
// A failure names the page and size and lists its violations as "rule (impact): element — what is
// wrong"; the checks are soft, so one run reports every page's violations, not just the first page's.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

const USERS = specOrg("accessibility").users;

// The tests are independent (each signs in for itself; only the report test may write, an export),
// so they may share both workers.
test.describe.configure({ mode: "parallel" });

const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 360, height: 740 } },
] as const;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
/** A dozen pages, each loaded and scanned: generous, for a machine busy with other work. */
const TIMEOUT = 300_000;

/** Every violation on the page, one line per element: "rule (impact): selector — what is wrong". */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${v.help}`));
}

/** Scans the loaded page at each size in turn (soft), and leaves it at the desktop's. */
async function scanAtEverySize(page: Page, what: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size.viewport);
    // Let the new layout settle (a frame for CSS, charts redraw on resize) before axe reads it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect.soft(await violations(page), `axe violations on ${what} at ${size.name} width (${size.viewport.width}×${size.viewport.height})`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0].viewport);
}

/** Opens each page in turn and expects its status and no axe violations at either size (soft: every page is checked). */
async function sweep(page: Page, paths: readonly string[], status: number | null = 200) {
  for (const path of paths) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      if (status !== null) expect.soft(response?.status(), `${path} answers ${status}`).toBe(status);
      await scanAtEverySize(page, path);
    });
  }
}

/** The links on a page whose paths match `pattern` (real ids of this spec's organization). */
async function linksOn(page: Page, from: string, pattern: RegExp): Promise<string[]> {
  await page.goto(from);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.filter((h) => pattern.test(h));
}

async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  const [href] = await linksOn(page, from, pattern);
  if (!href) throw new Error(`No link matching ${pattern} on ${from}`);
  return href;
}

/** The page of the organization's quarterly report: an earlier one, or one exported now from /reports. */
async function reportPath(page: Page): Promise<string> {
  const [done] = await linksOn(page, "/reports", new RegExp(`^/reports/${UUID}$`));
  if (done) return done;
  await page.getByRole("form", { name: "Export a report" }).getByRole("button", { name: "Export" }).click();
  await page.waitForURL(new RegExp(`/reports/${UUID}$`), { timeout: 90_000 });
  return new URL(page.url()).pathname;
}

const SIGNED_OUT = ["/sign-in", "/sign-up", "/forgot-password", "/sso", "/sign-out"] as const;
/** Links with a token that is not one of ours: each says so, in a page of its own. */
const SIGNED_OUT_LINKS = ["/reset-password/not-a-token", "/invitations/not-a-token", "/unsubscribe/not-a-token"] as const;

const DASHBOARD_AND_MEASURES = ["/", "/dashboard", "/dashboard/trends", "/measures", "/import", "/audit"] as const;
const PROGRAMS_AND_REPORTS = ["/programs", "/programs/new", "/reports"] as const;
const SETTINGS = [
  "/settings",
  "/settings/people",
  "/settings/teams",
  "/settings/invitations",
  "/settings/sso",
  "/settings/notifications",
  "/settings/jobs",
  "/settings/outbox",
] as const;
const SETUP_AND_ACCOUNT = [
  "/setup",
  "/setup/teams",
  "/setup/lead",
  "/setup/lag",
  "/setup/invite",
  "/notifications",
  "/account",
  "/account/notifications",
  "/organizations/new",
] as const;

test.describe("at a desktop's and a phone's width", () => {
  test.use({ viewport: SIZES[0].viewport });

  test("signed-out pages have no axe violations", async ({ page }) => {
    await sweep(page, SIGNED_OUT);
    await sweep(page, SIGNED_OUT_LINKS, null);
  });

  test("the dashboard, team, check-in, measure, import and audit pages, as the owner, have no axe violations", async ({ page }) => {
    test.setTimeout(TIMEOUT);
    await signIn(page, USERS.owner.email);
    const team = await firstLink(page, "/", new RegExp(`^/teams/${UUID}$`));
    const lead = await firstLink(page, "/measures", new RegExp(`^/measures/lead/${UUID}$`));
    const lag = await firstLink(page, "/measures", new RegExp(`^/measures/lag/${UUID}$`));
    const teamId = team.split("/").pop()!;
    const lagId = lag.split("/").pop()!;
    await sweep(page, [...DASHBOARD_AND_MEASURES, team, `${team}/check-in`, lead, lag, `/dashboard/teams/${teamId}`, `/dashboard/lags/${lagId}`]);
    // axe skips what a closed <details> holds: the check-in once more with every person unfolded
    // (each review form a landmark of its own name, each member's lead table).
    await test.step(`${team}/check-in, every fold open`, async () => {
      await page.goto(`${team}/check-in`);
      const folds = page.locator("details:not([open]) > summary");
      expect(await folds.count(), "folded parts on the check-in").toBeGreaterThan(0);
      while ((await folds.count()) > 0) await folds.first().click();
      await scanAtEverySize(page, "the check-in, every fold open");
    });
  });

  test("the ROI program and report pages, as the owner, have no axe violations", async ({ page }) => {
    test.setTimeout(TIMEOUT);
    await signIn(page, USERS.owner.email);
    const program = await firstLink(page, "/programs", new RegExp(`^/programs/${UUID}$`));
    const report = await reportPath(page);
    await sweep(page, [...PROGRAMS_AND_REPORTS, program, report]);
  });

  test("the settings pages, as the owner, have no axe violations", async ({ page }) => {
    test.setTimeout(TIMEOUT);
    await signIn(page, USERS.owner.email);
    const team = await firstLink(page, "/settings/teams", new RegExp(`^/settings/teams/${UUID}$`));
    // An email in the outbox, when the demo has sent any by now.
    const email = (await linksOn(page, "/settings/outbox", new RegExp(`^/settings/outbox/${UUID}$`))).slice(0, 1);
    await sweep(page, [...SETTINGS, team, ...email]);
  });

  test("the setup, notification and account pages, as the owner, have no axe violations", async ({ page }) => {
    test.setTimeout(TIMEOUT);
    await signIn(page, USERS.owner.email);
    // A notification, when the demo has sent any by now.
    const sent = (await linksOn(page, "/notifications", new RegExp(`^/notifications/view/${UUID}$`))).slice(0, 1);
    await sweep(page, [...SETUP_AND_ACCOUNT, ...sent]);
  });

  test("the 403 page, as a member, has no axe violations", async ({ page }) => {
    await signIn(page, USERS.member.email);
    await sweep(page, ["/audit", "/import"], 403);
  });

  test("the 404 pages have no axe violations", async ({ page }) => {
    await sweep(page, ["/no-such-page"], 404);
    await signIn(page, USERS.owner.email);
    await sweep(page, ["/no-such-page", `/teams/${NO_SUCH_ID}`, `/programs/${NO_SUCH_ID}`], 404);
  });
});
