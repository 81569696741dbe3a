// Passwords and sessions in the browser: forgot password end to end (the email arrives at the
// e2e server's SMTP server), changing a password on /account signs out the other browsers, and a
// session cookie copied before signing out is refused after it.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/seed/demo/catalogue";
import { linkIn, waitForEmail } from "./mailbox";
import { specOrg } from "./orgs";

const USERS = specOrg("passwords").users;

/** Signs in through the form (not the fixture's cached session: these tests end sessions). */
async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function newSignedInPage(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithForm(page, email, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

test("a person who forgot their password gets a link by email, chooses a new one and is signed in; the old one stops working", async ({ page }) => {
  const user = USERS.member;
  const newPassword = "harbour-lantern-quietly-9";

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);

  // An address with no account gets the very same answer.
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@e2e-passwords.test`);
  await page.getByRole("button", { name: "Email me a link" }).click();
  const answer = page.getByRole("status");
  await expect(answer).toContainText("If an account exists for that address, we've sent a link");
  const unknownAnswer = await answer.textContent();

  await page.reload();
  const asked = new Date();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(answer).toHaveText(unknownAnswer!);

  const mail = await waitForEmail(user.email, { subject: /password/i, since: new Date(asked.getTime() - 1000) });
  expect(mail.subject).toBe("Reset your Leadlag password");
  const link = linkIn(mail, /\/reset-password\/[\w-]{43}$/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();

  // A common password is refused; the link still works.
  await page.getByLabel("New password", { exact: true }).fill("password1234");
  await page.getByLabel("New password again").fill("password1234");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByText("This password is one of the most common: choose another.")).toBeVisible();

  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).not.toHaveURL(/reset-password|sign-in/);
  await expect(page.getByRole("banner").getByRole("link", { name: user.name })).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");

  // Signed out, the old password is refused with the usual message and the new one works.
  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithForm(page, user.email, DEMO_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Email or password is incorrect.");
  await signInWithForm(page, user.email, newPassword);
  await expect(page).not.toHaveURL(/\/sign-in/);
});

test("on /account a person signs out another browser, changes their password, and every other browser is signed out", async ({ browser }) => {
  const user = USERS.manager;
  const here = await newSignedInPage(browser, user.email);
  const laptop = await newSignedInPage(browser, user.email);
  const phone = await newSignedInPage(browser, user.email);

  await here.getByRole("banner").getByRole("link", { name: user.name }).click();
  await expect(here).toHaveURL(/\/account$/);
  await expect(here.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(here.getByText(user.email)).toBeVisible();
  await expect(here.getByTestId("session-current")).toContainText("This device");
  await expect(here.getByTestId("session")).toHaveCount(2);

  // One other browser, signed out from here.
  await here.getByTestId("session").first().getByRole("button", { name: /^Sign out/ }).click();
  await expect(here.getByRole("status")).toHaveText("Signed out on that device.");
  await expect(here.getByTestId("session")).toHaveCount(1);
  const signedOut = async (p: Page) => {
    await p.goto("/");
    return /\/sign-in/.test(p.url());
  };
  expect([await signedOut(laptop), await signedOut(phone)].filter(Boolean)).toHaveLength(1);

  // The current password is required.
  const newPassword = "copper-meadow-sailing-31";
  const form = here.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("New password again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. 1 other session signed out.");
  await expect(here.getByTestId("session")).toHaveCount(0);
  await expect(here.getByText("You are not signed in anywhere else.")).toBeVisible();

  // Both other browsers are at sign-in now; this one is still signed in.
  expect(await signedOut(laptop)).toBe(true);
  expect(await signedOut(phone)).toBe(true);
  await here.goto("/");
  await expect(here).not.toHaveURL(/\/sign-in/);

  await signInWithForm(laptop, user.email, newPassword);
  await expect(laptop).not.toHaveURL(/\/sign-in/);
});

test("a session cookie copied before signing out is refused after it", async ({ browser }) => {
  const page = await newSignedInPage(browser, USERS.owner.email);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  // Until then the copy works like the original...
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/account");
  await expect(stolen.getByRole("heading", { name: "Your account" })).toBeVisible();

  // ...and after signing out it opens nothing.
  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const later = await browser.newContext();
  await later.addCookies(copied);
  const replay = await later.newPage();
  await replay.goto("/account");
  await expect(replay).toHaveURL(/\/sign-in/);
  await stolen.reload();
  await expect(stolen).toHaveURL(/\/sign-in/);
});
