// Single sign-on end to end against a real OpenID provider (oidc-provider, started by this
// worker on 127.0.0.1; the app server reaches it there too): the owner sets up SSO in Settings
// with the provider's issuer and client, then a new hire with a company address signs in
// through /sso and the provider's own sign-in page and lands in the organization; an address at
// a domain that was not allowed is refused with a clear message. Then the organization requires
// SSO: a member who signs in with their password is sent on to SSO and comes back in.
import { expect, test } from "@playwright/test";
import { startOidcProvider, type TestOidcProvider } from "../tests/helpers/oidcProvider";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

const org = specOrg("sso");
const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
const COMPANY_DOMAIN = "e2e-sso-corp.test";

let idp: TestOidcProvider;

// The second test builds on the connection the first one saves.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  idp = await startOidcProvider({ redirectUri: `${APP}/api/sso/callback` });
});
test.afterAll(async () => {
  await idp?.close();
});

test("an owner sets up SSO, and a new hire signs in through the company's provider", async ({ page, browser }) => {
  await signIn(page, org.users.owner.email);
  await page.goto("/settings/sso");
  await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Redirect URI to register at your provider")).toHaveValue(`${APP}/api/sso/callback`);

  await page.getByLabel("Another OpenID Connect provider").check();
  await page.getByLabel("Issuer URL").fill(idp.issuer);
  await page.getByLabel("Client ID").fill(idp.clientId);
  await page.getByLabel("Client secret").fill(idp.clientSecret);
  await page.getByLabel("Email domains that join automatically").fill(COMPANY_DOMAIN);
  await page.getByLabel("Role of people who join this way").selectOption("MEMBER");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText("Connected");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Single sign-on is set up.");
  await page.reload();
  await expect(page.getByLabel("Client secret")).toHaveAttribute("placeholder", /^Set/);
  await expect(page.getByLabel("Client secret")).toHaveValue("");

  // A new browser: someone who has never used Leadlag.
  const context = await browser.newContext();
  const hire = await context.newPage();
  await hire.goto("/sign-in");
  await hire.getByRole("link", { name: "Sign in with SSO" }).click();
  await hire.getByLabel("Work email").fill(`newhire@${COMPANY_DOMAIN}`);
  await hire.getByRole("button", { name: "Continue" }).first().click();
  // The provider's own sign-in page (its login field is prefilled from login_hint).
  await expect(hire).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await expect(hire.locator('input[name="login"]')).toHaveValue(`newhire@${COMPANY_DOMAIN}`);
  await hire.locator('input[name="password"]').fill("any password");
  await hire.getByRole("button", { name: "Sign-in" }).click();
  await expect(hire).toHaveURL(`${APP}/`);
  await expect(hire.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
  await expect(hire.locator("header")).toContainText(`${org.name} (member)`);

  // Someone whose address the organization did not allow is turned away, clearly.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await outsider.goto(`/sso?slug=${org.slug}`);
  await expect(outsider).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await outsider.locator('input[name="login"]').fill("outsider@elsewhere.test");
  await outsider.locator('input[name="password"]').fill("any password");
  await outsider.getByRole("button", { name: "Sign-in" }).click();
  await expect(outsider).toHaveURL(/\/sso\?error=not_allowed/);
  await expect(outsider.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Your organization hasn't allowed sign-in for this address");
  await context.close();
  await outsiderContext.close();
});

test("with SSO required, a member's password does not open the organization: they are sent on to SSO", async ({ page, browser }) => {
  await signIn(page, org.users.owner.email);
  await page.goto("/settings/sso");
  await page.getByLabel("Require SSO for members").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Single sign-on settings saved.");

  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, org.users.member.email);
  await expect(member).toHaveURL(/\/no-organization$/);
  await member.getByRole("link", { name: `Sign in to ${org.name} with SSO` }).click();
  await expect(member).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await expect(member.locator('input[name="login"]')).toHaveValue(org.users.member.email);
  await member.locator('input[name="password"]').fill("any password");
  await member.getByRole("button", { name: "Sign-in" }).click();
  await expect(member).not.toHaveURL(/no-organization|\/sso|sign-in/);
  await expect(member.locator("header")).toContainText(`${org.name} (member)`);
  await context.close();
});
