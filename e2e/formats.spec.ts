// One date style, an explicit "All teams", and pages that wait while they change week: on a copy
// of the demo organization (en-GB, Europe/London). The moment between a click on "← Previous
// week" and the previous week on screen is held open by holding back the server's answer, so
// what the page does meanwhile can be seen on any machine, fast or slow.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { addDays } from "@/lib/domain/calendar/weeks";
import { formatDay, formatWeek, shortDay } from "@/lib/domain/format";
import { DEMO_ORG_SETTINGS } from "@/lib/seed/demo/catalogue";
import { signIn } from "./fixtures";
import { E2E_CLOCK, specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("formats").users;
const { locale } = DEMO_ORG_SETTINGS;
const TODAY = E2E_CLOCK.slice(0, 10);
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

/**
 * Holds back the server's answer for the page at `week` (the navigation's RSC request, not the
 * document) until the returned function is called.
 */
async function holdWeek(page: Page, week: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.searchParams.get("week") === week,
    async (route) => {
      if (route.request().headers()["rsc"] === "1") await held;
      await route.continue();
    },
  );
  return release;
}

/** The week a "← Previous week" link leads to. */
async function previousWeekOf(page: Page): Promise<string> {
  const href = await page.getByRole("link", { name: "← Previous week" }).getAttribute("href");
  return new URL(href!, "http://x").searchParams.get("week")!;
}

test("after ← Previous week the grid takes no input until that week is shown, and a number saved then lands in it", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const weekLabel = page.getByTestId("week-label");
  await expect(weekLabel).toContainText("(this week)");
  // Named as its heading: "My numbers this week", then "My numbers in the week of 9 Nov".
  const grid = page.getByRole("form", { name: /^My numbers / });
  const openCells = page.locator('input[name^="cell."]:not([disabled])');
  await expect(openCells.first()).toBeEditable();
  const previous = await previousWeekOf(page);
  const release = await holdWeek(page, previous);

  const shown = `Week of ${formatWeek({ start: previous, end: addDays(previous, 6) }, locale)}`;
  await page.getByRole("link", { name: "← Previous week" }).click();
  // Until the previous week is on screen, the page says it is busy and no cell takes a number.
  await expect(page.locator('[aria-busy="true"]').first()).toBeVisible();
  await expect(openCells).toHaveCount(0);
  await expect(weekLabel.filter({ hasText: shown })).toHaveCount(0);

  release();
  await expect(weekLabel).toContainText(shown);
  await expect(weekLabel).not.toContainText("(this week)");
  await expect(grid).not.toHaveAttribute("aria-busy", "true");
  // Every heading that said "this week" names the week shown.
  const during = `in the week of ${shortDay(previous, locale)}`;
  for (const heading of [`My numbers ${during}`, `Scoreboard: lead measures ${during}`, `Latest entries ${during}`]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("main")).not.toContainText(/this week/i);
  await expect(page).toHaveURL(new RegExp(`week=${previous}`));
  const training = page.getByRole("row", { name: /Training hours/ }).locator('input[name^="cell."]:not([disabled])').first();
  await expect(training).toBeEditable();
  // The cell typed into belongs to a day of the week on screen.
  const day = (await training.getAttribute("name"))!.split(".").pop()!;
  expect(day >= previous && day <= addDays(previous, 6), `${day} in the week of ${previous}`).toBe(true);
  await training.fill("1.5");
  await training.press("Enter");
  await expect(grid.getByRole("status")).toContainText(/Saved/);
  await page.reload();
  await expect(page.locator(`input[name="${await training.getAttribute("name")}"]`)).toHaveValue("1.5");
});

test("every day on the team page is written one way, in the log form and its message too", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const today = formatDay(TODAY, locale); // "Wed 18 Nov"
  // The measure picker of the log form shows whole names (the unit goes with "How many").
  await expectWholeNames(page.getByLabel("Measure", { exact: true }));
  // The log form's days are written as the app writes days.
  const yesterday = formatDay(addDays(TODAY, -1), locale);
  await expect(page.getByLabel("Date", { exact: true }).locator("option").first()).toHaveText(`Today, ${today}`);
  await page.getByLabel("Date", { exact: true }).selectOption({ label: yesterday });
  // Logged: the message names the day the same way, and so does the list of entries.
  await page.getByLabel("How many").fill("2");
  await page.getByLabel("Note (optional)").fill("e2e: one date format");
  await page.getByRole("button", { name: "Log it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logged" })).toHaveText(`Logged 2 for ${formatDay(addDays(TODAY, -1), locale)}.`);
  await expect(page.getByRole("listitem").filter({ hasText: "e2e: one date format" })).toContainText(formatDay(addDays(TODAY, -1), locale));
  // The grid's days are the same days, written the same way.
  const headers = await page.getByRole("form", { name: "My numbers this week" }).getByRole("columnheader").allTextContents();
  const weekStart = (await page.locator('input[name^="cell."]').first().getAttribute("name"))!.split(".").pop()!;
  expect(headers.slice(1, 8)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => formatDay(addDays(weekStart, i), locale)));
  // And no day anywhere on the page is an ISO date.
  expect(await page.locator("main").innerText()).not.toMatch(ISO_DAY);
});

test("a commitment added right after ← Previous week on the check-in is the previous week's", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/");
  await page.getByRole("link", { name: USERS.manager.team }).click();
  await page.getByRole("link", { name: "Weekly check-in →" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Weekly check-in: ${USERS.manager.team}`);
  const weeks = page.getByRole("navigation", { name: "Check-in weeks" });
  await expect(weeks).toContainText("(this week)");
  const previous = await previousWeekOf(page);
  const release = await holdWeek(page, previous);
  const form = page.getByRole("form", { name: `New commitment for ${USERS.member.name}` });
  const shown = `Week of ${formatWeek({ start: previous, end: addDays(previous, 6) }, locale)}`;
  await page.getByRole("link", { name: "← Previous week" }).click();
  // Until the previous week is on screen, no commitment can be written (for this week, by mistake).
  await expect(page.locator('[aria-busy="true"]').first()).toBeVisible();
  await expect(page.locator('[aria-label^="New commitment for"] input:not([type=hidden]):not([disabled])')).toHaveCount(0);
  await expect(weeks.filter({ hasText: shown })).toHaveCount(0);

  release();
  await expect(weeks).toContainText(shown);
  await expect(weeks).not.toContainText("(this week)");
  // What was "last week" and "this week" on this week's page names its week here.
  const before = addDays(previous, -7);
  await expect(page.getByRole("heading", { level: 2, name: `Commitments for the week of ${shortDay(before, locale)}`, exact: true })).toBeVisible();
  await expect(page.getByTestId("lead-team").getByRole("columnheader")).toContainText([`Week of ${shortDay(before, locale)}`, `Week of ${shortDay(previous, locale)}`]);
  await form.getByLabel(`${USERS.member.name} will…`).fill("e2e: made in the previous week");
  await form.getByRole("button", { name: "Add commitment" }).click();
  await expect(page.getByTestId(`new-commitments-${USERS.member.name}`)).toContainText("e2e: made in the previous week");

  // This week's check-in reviews it as last week's, and does not list it among this week's.
  await page.getByRole("link", { name: "This week →" }).click();
  await expect(weeks).toContainText("(this week)");
  const review = page.getByRole("region", { name: "Last week's commitments" });
  await expect(review).toContainText("e2e: made in the previous week");
  await expect(review.getByTestId(`review-person-${USERS.member.name}`).getByTestId("review-summary")).toHaveText("2 commitments to review");
  await expect(page.getByTestId(`new-commitments-${USERS.member.name}`)).not.toContainText("e2e: made in the previous week");
});

test("the dashboard's teams filter has an explicit All teams box, and the measure selects show whole names", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard");
  const filters = page.getByRole("form", { name: "Filters" });
  const all = filters.getByRole("checkbox", { name: "All teams" });
  await expect(all).toBeChecked();
  await expect(filters.getByRole("checkbox", { name: "Billing Care" })).not.toBeChecked();

  await filters.getByRole("checkbox", { name: "Billing Care" }).check();
  await expect(all).not.toBeChecked();
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/teams=[0-9a-f-]+/);
  await expect(page.getByText("1 of 3 teams")).toBeVisible();
  await page.reload();
  await expect(filters.getByRole("checkbox", { name: "Billing Care" })).toBeChecked();
  await expect(all).not.toBeChecked();

  await all.check();
  await expect(filters.getByRole("checkbox", { name: "Billing Care" })).not.toBeChecked();
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).not.toHaveURL(/teams=/);
  await expect(page.getByText("all 3 teams")).toBeVisible();

  // Ticking every team one by one is all teams too.
  for (const team of ["Billing Care", "Technical Escalations", "Tier 1 Support"]) await filters.getByRole("checkbox", { name: team }).click();
  await expect(all).toBeChecked();
  await expect(filters.getByRole("checkbox", { name: "Tier 1 Support" })).not.toBeChecked();

  // The trends view's measure selects are wide enough for their longest name, on a laptop.
  await page.goto("/dashboard/trends");
  for (const label of ["Lead measure", "Lag measure"]) await expectWholeNames(page.getByRole("form", { name: "Filters" }).getByLabel(label));
});

/** The select's longest option, chosen, shows in full: its text is no wider than the room inside the select (less the arrow). */
async function expectWholeNames(select: Locator) {
  const fit = await select.evaluate((el: HTMLSelectElement) => {
    const longest = [...el.options].reduce((a, o) => (o.text.length > a.text.length ? o : a));
    const probe = document.createElement("span");
    probe.style.font = getComputedStyle(el).font;
    probe.style.whiteSpace = "pre";
    probe.textContent = longest.text;
    document.body.append(probe);
    const text = probe.getBoundingClientRect().width;
    probe.remove();
    const s = getComputedStyle(el);
    // The drop-down arrow takes about 20 px on the right.
    const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20;
    return { text, room, name: longest.text };
  });
  expect(fit.text, `"${fit.name}" fits its select`).toBeLessThanOrEqual(fit.room);
}

test("a page that is slow to arrive shows it is on its way, from the main navigation and from a team link alike", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  const status = page.getByTestId("navigation-status");
  const bar = page.locator(".nav-progress");
  const main = page.locator("main#main");
  await expect(status).toHaveText("");
  await expect(bar).toBeHidden();

  /** Holds back the server's answers for `path` (the navigation's RSC requests) until released. */
  async function hold(path: string): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === path,
      async (route) => {
        if (route.request().headers()["rsc"] === "1") await held;
        await route.continue();
      },
    );
    return release;
  }

  // The main navigation: while the dashboard is on its way the bar shows, the page being left is
  // busy, and a screen reader hears "Loading…"; once it is there, all of that is gone.
  const releaseDashboard = await hold("/dashboard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(status).toHaveText("Loading…");
  await expect(bar).toBeVisible();
  await expect(main).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toHaveCount(0);
  releaseDashboard();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(status).toHaveText("");
  await expect(bar).toBeHidden();
  await expect(main).not.toHaveAttribute("aria-busy", "true");

  // A link in a page's content (a team on "My teams") does the same.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My teams" }).click();
  const team = page.locator(".team-list a").first();
  const teamPath = new URL((await team.getAttribute("href"))!, "http://x").pathname;
  const releaseTeam = await hold(teamPath);
  await team.click();
  await expect(status).toHaveText("Loading…");
  await expect(main).toHaveAttribute("aria-busy", "true");
  releaseTeam();
  await expect(page).toHaveURL(new RegExp(`${teamPath}$`));
  await expect(status).toHaveText("");
  await expect(main).not.toHaveAttribute("aria-busy", "true");
});
