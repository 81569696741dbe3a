import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/seed/demo/catalogue";
import { specOrg } from "./orgs";

const { users } = specOrg("sign-in-limits");

/** Submits the sign-in form and waits for the server's answer. */
async function submit(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}

test("ten wrong passwords in a row lock the account in this browser, the right one included; a colleague signs in", async ({ page }) => {
  await page.goto("/sign-in");
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  for (let i = 1; i <= 9; i++) {
    await submit(page, users.member.email, `wrong-password-${i}`);
    await expect(alert).toHaveText("Email or password is incorrect.");
  }
  await submit(page, users.member.email, "wrong-password-10");
  await expect(alert).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
  await submit(page, users.member.email, DEMO_PASSWORD);
  await expect(alert).toHaveText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
  await expect(page).toHaveURL(/\/sign-in/);

  // The lock is the account's from this address: a colleague at the same desk signs in.
  await submit(page, users.manager.email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/sign-in/);
});
