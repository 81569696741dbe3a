import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/seed/demo/catalogue";
import { signIn } from "./fixtures";
import { linkIn, waitForEmail } from "./mailbox";
import { specOrg } from "./orgs";

/** This spec's organization ("Northwind Support", a demo copy) and a second one its owner invites from. */
const ORG = specOrg("invitations");
const ELSEWHERE = specOrg("invitations-elsewhere");
const STRONG = "plum-orchard-violin-42";
const TEAM = ORG.users.member.team;

test("an admin invites a colleague, whose email link lets them set a password, land on their team and log an entry", async ({ page, browser }) => {
  await signIn(page, ORG.users.owner.email);
  await page.goto("/settings/invitations");
  await expect(page.getByRole("heading", { name: "Invitations", level: 1 })).toBeVisible();
  await expect(page.getByText("No invitations yet.")).toBeVisible();

  // A bad line refuses the whole list and says which line.
  const colleague = "new.colleague@e2e-invitations.test";
  await page.getByLabel("Email addresses").fill(`${colleague}\nnot-an-email`);
  await page.getByLabel("Role").selectOption("MEMBER");
  await page.getByRole("checkbox", { name: TEAM, exact: true }).check();
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByText("“not-an-email”: not-an-email is not an email address.")).toBeVisible();
  await expect(page.getByText("No invitations yet.")).toBeVisible();

  await page.getByLabel("Email addresses").fill(`Nia New <${colleague}>`);
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByRole("status")).toContainText("Invited 1 person.");
  const row = page.getByTestId(`invitation-${colleague}`);
  await expect(row).toContainText("pending");
  await expect(row).toContainText(TEAM);

  const mail = await waitForEmail(colleague, { subject: /invited you to Northwind Support/ });
  expect(mail.text).toContain(`as a member on the team ${TEAM}`);
  const link = linkIn(mail, /\/invitations\/[\w-]{43}$/);

  // The colleague, in a browser of their own.
  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Northwind Support" })).toBeVisible();
  await expect(guest.getByLabel("Email")).toHaveValue(colleague);
  await guest.getByLabel("Your name").fill("Nia New");
  await guest.getByLabel("Choose a password").fill("password1234");
  await guest.getByRole("button", { name: "Join" }).click();
  await expect(guest.getByText("This password is one of the most common: choose another.")).toBeVisible();
  await guest.getByLabel("Choose a password").fill(STRONG);
  await guest.getByRole("button", { name: "Join" }).click();

  // A member with one team lands on it, and logs this week's work there.
  await expect(guest.getByRole("heading", { level: 1 })).toHaveText(TEAM);
  await expect(guest.locator(".topbar .who")).toContainText("Nia New · Northwind Support (member)");
  await guest.getByLabel("Measure", { exact: true }).selectOption({ label: "Coaching conversations" });
  await guest.getByLabel("How many").fill("2");
  await guest.getByLabel("Note (optional)").fill("e2e: my first entry");
  await guest.getByRole("button", { name: "Log it" }).click();
  await expect(guest.getByRole("status")).toContainText("Logged 2");

  // The link worked once.
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(row).toContainText("accepted");
  await expect(row.getByRole("button", { name: /Resend|Revoke/ })).toHaveCount(0);
});

test("someone of another organization signs in, joins with one click and switches organizations from the header", async ({ page, browser }) => {
  const other = ELSEWHERE.users.member;
  await signIn(page, ORG.users.owner.email);
  await page.goto("/settings/invitations");
  await page.getByLabel("Email addresses").fill(other.email);
  await page.getByLabel("Role").selectOption("VIEWER");
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByRole("status")).toContainText("Invited 1 person.");
  const link = linkIn(await waitForEmail(other.email, { subject: /invited you/ }), /\/invitations\//);

  const context = await browser.newContext();
  const them = await context.newPage();
  await them.goto(link);
  await expect(them.getByText("You already have a Leadlag account.")).toBeVisible();
  await them.getByRole("link", { name: "Sign in to join" }).click();
  await them.getByLabel("Email").fill(other.email);
  await them.getByLabel("Password").fill(DEMO_PASSWORD);
  await them.getByRole("button", { name: "Sign in" }).click();

  // Back on the invitation, signed in with the invited address: one click.
  await them.getByRole("button", { name: "Join Northwind Support" }).click();
  const switcher = them.getByLabel("Organization");
  await expect(switcher.locator("option:checked")).toHaveText("Northwind Support");
  await expect(them.locator(".topbar .who")).toContainText("(viewer)");

  await switcher.selectOption({ label: "Elsewhere Support" });
  await expect(them.getByLabel("Organization").locator("option:checked")).toHaveText("Elsewhere Support");
  await expect(them.locator(".topbar .who")).toContainText("(member)");
  await expect(them.getByRole("heading", { level: 1 })).toHaveText(other.team!);
  await context.close();
});
