import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { linkIn, waitForEmail } from "./mailbox";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const ORG = specOrg("outbox");
const USERS = ORG.users;

test("an admin finds the outbox in the settings navigation; it starts empty and says mail is sent", async ({ page }) => {
  await signIn(page, USERS.owner.email);
  await page.goto("/settings");
  const nav = page.getByRole("navigation", { name: "Settings" });
  await expect(nav.getByRole("link")).toHaveText(["General", "People", "Invitations", "Teams", "Single sign-on", "Outbox", "Jobs", "Notifications"]);
  await expect(nav.getByRole("link", { name: "General" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Outbox" }).click();
  await expect(page).toHaveURL(/\/settings\/outbox$/);
  await expect(page.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Outbox" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No emails yet. Invitations appear here")).toBeVisible();
  // The e2e server runs an SMTP server and points SMTP_URL at it (scripts/e2e-server.ts).
  await expect(page.getByTestId("smtp-status")).toContainText("Emails are sent through the SMTP server");
});

test("a manager is refused the outbox", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/settings/outbox");
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("an invitation arrives at the mail server, and the outbox shows it sent with its text and HTML", async ({ page }) => {
  const invitee = ORG.email("newcomer@leadlag.demo");
  await signIn(page, USERS.owner.email);
  await page.goto("/settings/invitations");
  await page.getByLabel("Email addresses").fill(invitee);
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByRole("form", { name: "Invite people" }).getByRole("status")).toBeVisible();

  const mail = await waitForEmail(invitee);
  const link = linkIn(mail, /\/invitations\/[^/]+$/);
  expect(mail.from).toContain("Leadlag");
  expect(mail.html).toContain(link);

  await page.goto("/settings/outbox");
  const row = page.getByRole("row").filter({ hasText: invitee });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Sent", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: mail.subject }).click();

  await expect(page.getByRole("heading", { name: mail.subject, level: 1 })).toBeVisible();
  await expect(page.getByTestId("email-text")).toContainText(link);
  const html = page.frameLocator(`iframe[title^="HTML version"]`);
  await expect(html.getByRole("link").first()).toHaveAttribute("href", link);
  await expect(page.locator("iframe[sandbox]")).toHaveAttribute("sandbox", "");
});
