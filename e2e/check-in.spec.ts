// The weekly check-in in the browser, on a copy of the demo organization. The demo's history holds
// last week's check-in and the commitments made at it (this week's is not held yet at the suite's
// clock), so the lead runs this week's: reviews those commitments, makes new ones and marks the
// check-in held.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("check-in").users;

async function openCheckIn(page: Page, team: string) {
  await page.goto("/");
  await page.getByRole("link", { name: team }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(team);
  const url = new URL(page.url());
  await page.goto(`${url.pathname}/check-in`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Weekly check-in: ${team}`);
  return url.pathname;
}

/** "2 of 13 weeks" → [2, 13] from a part of the execution score. */
async function fraction(part: Locator): Promise<[number, number]> {
  const m = /(\d+(?:\.\d+)?) of (\d+)/.exec((await part.textContent()) ?? "");
  expect(m, `a fraction in ${await part.textContent()}`).not.toBeNull();
  return [Number(m![1]), Number(m![2])];
}

async function addCommitment(page: Page, person: string, label: string, text: string, measure?: string) {
  const form = page.getByRole("form", { name: `New commitment for ${person}` });
  await form.getByLabel(label).fill(text);
  if (measure) await form.getByLabel("Moves lead measure").selectOption({ label: measure });
  await form.getByRole("button", { name: "Add commitment" }).click();
  await expect(page.getByTestId(`new-commitments-${person}`)).toContainText(text);
}

test("a lead runs a full check-in: commitments reviewed, new ones made, check-in held", async ({ page }) => {
  const sam = USERS.member.name;
  const priya = USERS.manager.name;
  await signIn(page, USERS.manager.email);
  await openCheckIn(page, USERS.manager.team);
  const checkIns = page.getByTestId("score-check-ins");
  const [heldBefore, weeksBefore] = await fraction(checkIns);
  const commitmentsPart = page.getByTestId("score-commitments");
  const [keptBefore, dueBefore] = await fraction(commitmentsPart);

  // This week's check-in reviews the commitments made at last week's, still open. Each person is
  // folded under a line saying how many are left; the first to review (the lead, first in the
  // team) is open, the others wait.
  const review = page.getByRole("region", { name: "Last week's commitments" });
  const samsPart = review.getByTestId(`review-person-${sam}`);
  const priyasPart = review.getByTestId(`review-person-${priya}`);
  await expect(priyasPart.locator("details")).toHaveAttribute("open");
  await expect(priyasPart.getByTestId("review-summary")).toHaveText("2 commitments to review");
  await expect(samsPart.locator("details")).not.toHaveAttribute("open");
  await expect(samsPart.getByTestId("review-summary")).toHaveText("1 commitment to review");
  await expect(samsPart.getByRole("form")).toHaveCount(0);
  // Sam's unfolds from the keyboard.
  await samsPart.locator("summary").focus();
  await page.keyboard.press("Enter");
  const samsItem = samsPart.getByTestId("review-commitment").first();
  await expect(samsItem.getByTestId("commitment-status")).toHaveText("Not reviewed");
  const samsReview = samsItem.getByRole("form");
  await samsReview.getByRole("radio", { name: "Not done" }).check();
  await samsReview.getByRole("button", { name: "Save review" }).click();
  await expect(samsReview.getByText("Say why it was not (fully) done.")).toBeVisible();
  await samsReview.getByLabel("Why was it not (fully) done?").fill("Queue spike on Tuesday");
  await samsReview.getByRole("button", { name: "Save review" }).click();
  await expect(samsItem.getByTestId("commitment-status")).toHaveText("Not done");
  await expect(samsItem.getByText("Why: Queue spike on Tuesday")).toBeVisible();
  await expect(samsPart.getByTestId("review-summary")).toHaveText("0 of 1 kept");

  const priyasItems = priyasPart.getByTestId("review-commitment");
  const priyasReview = priyasItems.first().getByRole("form");
  await priyasReview.getByRole("radio", { name: "Done", exact: true }).check();
  await priyasReview.getByRole("button", { name: "Save review" }).click();
  await expect(priyasItems.first().getByTestId("commitment-status")).toHaveText("Done");
  await expect(priyasPart.getByTestId("review-summary")).toHaveText("1 of 2 still to review");
  // Her last one reviewed, Priya's part folds to what was kept and the next person's opens.
  await expect(priyasItems.nth(1).getByTestId("commitment-status")).toHaveText("Not reviewed");
  const priyasLast = priyasItems.nth(1).getByRole("form");
  await priyasLast.getByRole("radio", { name: "Not done" }).check();
  await priyasLast.getByLabel("Why was it not (fully) done?").fill("Off sick on Thursday");
  await priyasLast.getByRole("button", { name: "Save review" }).click();
  await expect(priyasPart.getByTestId("review-summary")).toHaveText("1 of 2 kept");
  await expect(priyasPart.locator("details")).not.toHaveAttribute("open");
  const next = review.locator('[data-testid^="review-person-"]').nth(1);
  await expect(next.locator("details")).toHaveAttribute("open");
  await expect(next.getByTestId("review-summary")).toHaveText("1 commitment to review");
  // Sam's stays as it was left: open.
  await expect(review.locator("details[open]")).toHaveCount(2);
  // One kept, two not: the quarter's commitments part counts one more kept, of as many due
  // (an open commitment of an ended week was already due).
  await expect.poll(() => fraction(commitmentsPart)).toEqual([keptBefore + 1, dueBefore]);

  // New commitments for this week, tied to lead measures; a blank one is refused in place.
  const samsNew = page.getByRole("form", { name: `New commitment for ${sam}` });
  await samsNew.getByLabel("Moves lead measure").selectOption({ label: "Customer stories shared" });
  await samsNew.getByRole("button", { name: "Add commitment" }).click();
  await expect(samsNew.getByText("Write what you will do.")).toBeVisible();
  await expect(samsNew.getByLabel(`${sam} will…`)).toHaveAttribute("aria-invalid", "true");
  await addCommitment(page, sam, `${sam} will…`, "Share one customer story in Thursday's huddle", "Customer stories shared");
  await addCommitment(page, priya, "I will…", "Coach Sam on one escalated call", "Coaching conversations");

  // Held: the check-ins part of the score counts this week.
  await page.getByRole("button", { name: "Mark check-in held" }).click();
  await expect(page.getByTestId("check-in-held")).toContainText(`Held on`);
  await expect(page.getByTestId("check-in-held")).toContainText(`by ${priya}`);
  await expect(page.getByRole("button", { name: "Mark check-in held" })).toHaveCount(0);
  await expect.poll(() => fraction(checkIns)).toEqual([heldBefore + 1, weeksBefore + 1]);

  // It stays held after a reload.
  await page.reload();
  await expect(page.getByTestId("check-in-held")).toContainText(`by ${priya}`);
});

/** Records today's organization-wide resolution time on the measure page (replacing today's). */
async function recordResolutionTime(page: Page, hours: string) {
  await page.goto("/measures");
  await page.getByRole("link", { name: "Average resolution time" }).click();
  const form = page.getByRole("form", { name: "Record a result" });
  await form.getByLabel(/Value/).fill(hours);
  await form.getByRole("button", { name: "Record" }).click();
  await expect(form.getByRole("status")).toContainText(/Recorded|Replaced/);
}

test("a lower-is-better lag turns green on the check-in when it drops, on a phone too", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.setViewportSize({ width: 390, height: 844 });
  const lag = page.getByTestId("lag-Average resolution time");

  // Above the baseline of 26 hours: off track, and the arrow up is bad news.
  await recordResolutionTime(page, "27");
  await openCheckIn(page, USERS.manager.team);
  await expect(lag).toContainText("from 26 hours to 18 hours by");
  await expect(lag).toContainText("(lower is better)");
  await expect(lag.getByTestId("lag-current")).toHaveText("27 hours");
  await expect(lag.getByTestId("lag-status")).toHaveText("Off track");
  await expect(lag.getByTestId("lag-status")).toHaveClass(/\bred\b/);
  await expect(lag.getByTestId("lag-change")).toHaveText("↑ worsening");

  // It drops below the path to the goal: on track, green, arrow down and "improving".
  await recordResolutionTime(page, "17.5");
  await openCheckIn(page, USERS.manager.team);
  await expect(lag.getByTestId("lag-current")).toHaveText("17.5 hours");
  await expect(lag.getByTestId("lag-status")).toHaveText("On track");
  await expect(lag.getByTestId("lag-status")).toHaveClass(/\bgreen\b/);
  await expect(lag.getByTestId("lag-change")).toHaveText("↓ improving");
  // A higher-is-better lag that rose is green too, with the opposite arrow.
  await expect(page.getByTestId("lag-CSAT").getByTestId("lag-change")).toHaveText("↑ improving");
  // Nothing sticks out sideways on a 390px-wide phone (wide tables scroll in their own box).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a member makes their own commitment, reviews only their own, and cannot mark the check-in held", async ({ page }) => {
  const sam = USERS.member.name;
  await signIn(page, USERS.member.email);
  // A member with one team lands on it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(USERS.member.team);
  await page.goto(`${new URL(page.url()).pathname}/check-in`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Weekly check-in: ${USERS.member.team}`);
  await expect(page.getByRole("button", { name: "Mark check-in held" })).toHaveCount(0);

  // Their own commitment, in their own words; no form for anyone else.
  await addCommitment(page, sam, "I will…", "Log every coaching chat the same day");
  await expect(page.getByRole("form", { name: `New commitment for ${USERS.manager.name}` })).toHaveCount(0);
  const forms = page.getByRole("form", { name: /New commitment for/ });
  expect(await forms.count()).toBe(await page.getByRole("form", { name: `New commitment for ${sam}` }).count());
  // Review controls appear only next to their own commitments. The lead reviewed Sam's in the
  // first test, so nothing is left for Sam to review and everyone is folded; his own unfolds to
  // his review, which he can still change.
  const review = page.getByRole("region", { name: "Last week's commitments" });
  await expect(review.locator(`[data-testid^="review-person-"]:not([data-testid="review-person-${sam}"]) form`)).toHaveCount(0);
  await expect(review.locator("details[open]")).toHaveCount(0);
  const own = review.getByTestId(`review-person-${sam}`);
  await expect(own.getByTestId("review-summary")).toHaveText("0 of 1 kept");
  await own.locator("summary").click();
  await expect(own.getByRole("form", { name: new RegExp(`^Review ${sam}'s commitment 1: `) })).toBeVisible();

  const response = await page.goto("/teams/00000000-0000-4000-8000-000000000000/check-in");
  expect(response?.status()).toBe(404);
});

test("a member cannot open another team's check-in", async ({ page, browser }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/");
  const href = await page.getByRole("link", { name: "Billing Care" }).getAttribute("href");
  const member = await browser.newPage();
  await signIn(member, USERS.member.email);
  const response = await member.goto(`${href}/check-in`);
  expect(response?.status()).toBe(403);
  await member.close();
});
