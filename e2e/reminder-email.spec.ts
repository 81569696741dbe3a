import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/seed/demo/catalogue";
import { signIn } from "./fixtures";
import { linkIn, receivedEmails, waitForEmail } from "./mailbox";
import { specOrg } from "./orgs";

// The e2e server sends no reminders on a timer (LEADLAG_NOTIFICATION_TICK_CRON=off): here the
// organization's admin moves "log your numbers" to an hour already past today (Wednesday 9:00;
// the clock says 10:00), which makes it due at once, and saving a schedule ticks the organization.
const ORG = specOrg("reminder-email");

test("a member opens the 'log your numbers' email and lands on their week's grid, signing in on the way", async ({ page, browser }) => {
  await signIn(page, ORG.users.owner.email);
  await page.goto("/settings/notifications");
  const form = page.getByRole("form", { name: "Log your numbers (members)" });
  await form.getByLabel("Day").selectOption("Wednesday");
  await form.getByLabel("Hour").fill("9");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved: Log your numbers (members). Anything it makes due is being sent now.");

  // Everyone who logged nothing yet this week gets one: the member has not (scripts/e2e-server.ts).
  const reminder = await waitForEmail(ORG.users.member.email, { subject: /^Log your numbers/, timeoutMs: 30_000 });
  const link = linkIn(reminder, /\/teams\/[0-9a-f-]{36}\?week=2026-11-16/);
  expect(reminder.text).toContain("nothing is logged yet for Tier 1 Support");

  // In a browser with nobody signed in: the link asks for a sign-in, then opens that week's grid.
  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto(link);
  await expect(member).toHaveURL(/\/sign-in/);
  await member.getByLabel("Email").fill(reminder.to);
  await member.getByLabel("Password").fill(DEMO_PASSWORD);
  await member.getByRole("button", { name: "Sign in" }).click();
  const target = new URL(link);
  await expect(member).toHaveURL((u) => u.pathname === target.pathname && u.searchParams.get("week") === target.searchParams.get("week"));
  await expect(member.getByRole("form", { name: "My numbers this week" })).toBeVisible();
  await expect(member.getByRole("heading", { name: "My numbers this week" })).toBeVisible();
  await context.close();

  // Saved again, nothing more goes out: one reminder per person and week.
  const count = () => receivedEmails().filter((m) => m.to === reminder.to && /^Log your numbers/.test(m.subject)).length;
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("Saved");
  await page.goto("/settings/notifications");
  const logged = page.getByRole("table", { name: "Send log" }).getByRole("row").filter({ hasText: reminder.to }).first();
  await expect(logged).toBeVisible();
  // The log says what was sent and for which week in words, as the app writes dates: no "2026-11-16".
  await expect(logged).toContainText("Log your numbers (members)");
  await expect(logged).toContainText("Week of 16 Nov 2026");
  await expect(logged).not.toContainText("2026-11-16");
  expect(count()).toBe(1);
});
