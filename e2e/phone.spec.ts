import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("phone").users;

/** A small phone: 360 × 740 CSS pixels. */
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/**
 * Every signed-in page of the app, read from its routes: `app/(app)/**\/page.tsx` and the signed-in
 * pages outside that group. A new page is measured without anyone adding it here.
 */
function signedInRoutes(): string[] {
  const app = path.join(process.cwd(), "app");
  const pages = [
    ...readdirSync(path.join(app, "(app)"), { recursive: true, encoding: "utf8" }).map((f) => path.join("(app)", f)),
    path.join("organizations", "new", "page.tsx"),
  ].filter((f) => path.basename(f) === "page.tsx");
  return pages
    .map((f) => `/${path.dirname(f).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/")}`)
    .map((r) => (r === "/." || r === "/" ? "/" : r.replace(/\/\.$/, "")))
    .sort();
}

async function widthOf(page: Page, url: string) {
  const response = await page.goto(url);
  await page.waitForLoadState("networkidle");
  // Tables and charts folded away in <details> count too.
  const { width, sticksOut } = await page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
    const edge = document.documentElement.clientWidth + 1;
    // What sticks out past the screen's edge (innermost first), for the failure message.
    const out = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > edge && !el.closest(".table-wrap"));
    const sticksOut = out
      .filter((el) => !out.some((o) => o !== el && el.contains(o)))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    return { width: document.documentElement.scrollWidth, sticksOut };
  });
  return { width, sticksOut, status: response?.status() ?? 0 };
}

/**
 * Routes no page links to in the demo: a reminder's "view in browser" page is linked only from the
 * reminder email itself, which the demo at the suite's clock has not sent yet.
 */
const ONLY_LINKED_FROM_EMAIL = ["/notifications/view/[sendId]"];

test("no page is wider than a 360 px screen", async ({ page }) => {
  test.setTimeout(300_000);
  const routes = signedInRoutes();
  expect(routes.length).toBeGreaterThan(30);
  const staticRoutes = routes.filter((r) => !r.includes("["));
  let pending = routes.filter((r) => r.includes("["));

  await signIn(page, USERS.owner.email);
  // Pages that show one record need one: an invitation's email in the outbox, an exported report.
  await page.goto("/settings/invitations");
  await page.getByLabel("Email addresses").fill(specOrg("phone").email("phone-newcomer@leadlag.demo"));
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByRole("form", { name: "Invite people" }).getByRole("status")).toBeVisible();
  await page.goto("/reports");
  await page.getByRole("form", { name: "Export a report" }).getByRole("button", { name: "Export" }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 90_000 });

  const measured: { route: string; url: string; width: number; status: number; sticksOut: string[] }[] = [];
  const links = new Set<string>();
  const visit = async (route: string, url: string) => {
    measured.push({ route, url, ...(await widthOf(page, url)) });
    for (const href of await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))) links.add(href);
  };
  for (const route of staticRoutes) await visit(route, route);
  // A dynamic route is measured at the first link to it found on the pages visited so far (pages
  // of one record link to deeper ones: a team page to its check-in).
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    for (const route of pending) {
      // An id, not "new" (/measures/lag/new is the same route as /measures/lag/<id>).
      const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[0-9a-f-]{36}")}$`);
      const url = [...links].find((l) => pattern.test(l) && !staticRoutes.includes(l));
      if (!url) continue;
      await visit(route, url);
      pending = pending.filter((r) => r !== route);
      progress = true;
    }
  }
  expect({
    unreached: pending,
    failed: measured.filter((m) => m.status >= 400),
    tooWide: measured.filter((m) => m.width > 360),
  }).toEqual({ unreached: ONLY_LINKED_FROM_EMAIL, failed: [], tooWide: [] });
});

test("a member's team page fits a 360 px screen", async ({ page }) => {
  await signIn(page, USERS.member.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(USERS.member.team);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("on a phone a member logs Wednesday's number with the day switcher, and it is there after a reload", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const grid = page.getByRole("form", { name: "My numbers this week" });
  const days = grid.getByRole("group", { name: "Day to show" });
  const row = grid.getByRole("row", { name: /Training hours/ });
  // Today (Wednesday) is shown first; the other days wait behind the switcher.
  await expect(days.getByRole("button", { name: /^Wed/ })).toHaveAttribute("aria-pressed", "true");
  await expect(row.getByLabel(/, Wed/)).toBeVisible();
  await expect(row.getByLabel(/, Mon/)).toBeHidden();

  // The whole week is reachable: Monday, then back to Wednesday.
  await days.getByRole("button", { name: /^Mon/ }).click();
  await expect(row.getByLabel(/, Mon/)).toBeVisible();
  await expect(row.getByLabel(/, Wed/)).toBeHidden();
  await days.getByRole("button", { name: /^Wed/ }).click();

  const wednesday = row.getByLabel(/, Wed/);
  const next = String(Number((await wednesday.inputValue()) || 0) + 1.5);
  await wednesday.fill(next);
  await grid.getByRole("button", { name: "Save my week" }).click();
  await expect(grid.getByRole("status")).toContainText("Saved 1 day");

  await page.reload();
  await expect(row.getByLabel(/, Wed/)).toHaveValue(next);
  // The whole grid fits: no sideways scrolling to reach the day.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("on a phone the navigation is one line, and its Menu opens, closes on Escape and navigates", async ({ page }) => {
  await signIn(page, USERS.owner.email);
  const header = page.getByRole("banner");
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(60);
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();

  // The keyboard opens it and Escape closes it, back on the button.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Measures" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // A tap opens it, a link navigates and the menu closes on the new page.
  await menu.click();
  await nav.getByRole("link", { name: "Measures" }).click();
  await expect(page).toHaveURL(/\/measures$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Measures");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
});

test("a wide table keeps its first column and says that it scrolls", async ({ page }) => {
  await signIn(page, USERS.owner.email);
  await page.goto("/dashboard");
  const rollup = page.getByTestId("rollup");
  // The scrolling box is named after its table and described by the visible hint.
  const region = page.getByRole("region", { name: "Teams at a glance", description: /Scroll sideways for more columns/ });
  await expect(region).toBeVisible();
  await expect(page.getByText("Scroll sideways for more columns").first()).toBeVisible();
  const first = rollup.locator("tbody tr").first().locator("> *").first();
  const x = (await first.boundingBox())!.x;
  await region.evaluate((el) => el.scrollBy({ left: 400 }));
  await expect.poll(async () => (await first.boundingBox())!.x).toBeCloseTo(x, 0);
});
