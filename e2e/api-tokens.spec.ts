import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { daysAgo, specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("api-tokens").users;

test("an admin creates an API token, sees it once, pushes a lead entry with it, then revokes it", async ({ page, request }) => {
  await signIn(page, USERS.owner.email);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  // An empty form gets field messages and creates nothing.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Give the token a name.")).toBeVisible();
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();

  const name = `E2E helpdesk ${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  for (const scope of ["teams:read", "measures:read", "entries:write"]) await page.getByRole("checkbox", { name: new RegExp(`^${scope}`) }).check();
  await page.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByLabel("Your new token");
  await expect(shown).toHaveValue(/^llk_[0-9a-f]{32}_[\w-]{43}$/);
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  const token = await shown.inputValue();
  const auth = { authorization: `Bearer ${token}` };

  // The token works: find the team and the measure, then push an entry for a team member.
  const teams = await request.get("/api/v1/teams", { headers: auth });
  expect(teams.status()).toBe(200);
  const team = (await teams.json()).data.find((t: { name: string }) => t.name === USERS.member.team);
  const measures = await (await request.get("/api/v1/measures", { headers: auth })).json();
  const measure = measures.leadMeasures.find((m: { name: string }) => m.name === "Coaching conversations");
  const body = { email: USERS.member.email, teamId: team.id, leadMeasureId: measure.id, date: daysAgo(1), value: 2, note: "e2e: from the helpdesk" };
  const pushed = await request.post("/api/v1/lead-entries", { headers: auth, data: body });
  expect(pushed.status()).toBe(201);
  expect((await pushed.json()).data).toMatchObject({ value: 2, date: daysAgo(1) });

  // Scopes limit it: reading entries was not granted.
  const unscoped = await request.get("/api/v1/lead-entries", { headers: auth });
  expect(unscoped.status()).toBe(403);
  expect((await unscoped.json()).error.code).toBe("forbidden");

  // Once dismissed, the token is gone from the page for good; the list shows its prefix and last use.
  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(page.getByLabel("Your new token")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  const row = page.getByTestId(`token-${name}`);
  await expect(row).toContainText(token.slice(-6));
  await expect(row).not.toContainText("Never");

  // Revoking asks first; then the next call is refused.
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByRole("status")).toContainText("Token revoked");
  await expect(row).toContainText("Revoked");
  const refused = await request.post("/api/v1/lead-entries", { headers: auth, data: body });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toMatchObject({ code: "unauthenticated", message: expect.any(String) });
});

test("the API refuses calls without credentials in the one error shape", async ({ request }) => {
  const res = await request.get("/api/v1/teams");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: expect.stringContaining("Bearer") } });
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).paths).toHaveProperty(["/api/v1/lead-entries/batch"]);
});

test("a manager cannot open the settings page", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("organization settings explain a bad threshold and keep what was typed; they fit a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, USERS.owner.email);
  await page.goto("/settings");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London");
  await expect(page.getByLabel("First day of the week")).toHaveValue("1");
  const green = page.getByLabel("Green at or above");
  const amber = page.getByLabel("Amber at or above");
  await expect(green).toHaveValue("100");
  await amber.fill("120");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Amber must not be above green.")).toBeVisible();
  await expect(amber).toHaveAttribute("aria-invalid", "true");
  await expect(amber).toHaveValue("120");
  // Nothing was saved.
  await page.reload();
  await expect(amber).toHaveValue("80");
  // Saving valid values (the same ones) confirms.
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  // Nothing sticks out sideways on a phone (the token table scrolls within its own box).
  const tooWide = await page.evaluate(() =>
    [...document.querySelectorAll("main *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest(".table-wrap"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
  expect(tooWide).toEqual([]);
});
