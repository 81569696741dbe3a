import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("team-settings").users;

test("a manager sets up a team without the API: people, a lead, a measure with a target; then renames and archives it", async ({ page }) => {
  test.slow(); // one long journey through every part of the page
  await signIn(page, USERS.manager.email);
  await page.goto("/settings/teams");
  await expect(page.getByRole("row", { name: /Tier 1 Support/ })).toBeVisible();

  // Create it: a name is enough; its page opens.
  await page.getByRole("form", { name: "Create a team" }).getByLabel("Team name").fill("Night Owls");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Night Owls");
  await expect(page.getByRole("status").first()).toContainText("Team created");

  // Two people from the picker, found by name, added together; one of them leads.
  const picker = page.getByRole("form", { name: "Add people to the team" });
  await picker.getByLabel("Find a person").fill("Jordan");
  await picker.getByRole("checkbox", { name: /Jordan Lee/ }).check();
  await picker.getByLabel("Find a person").fill("maya");
  await picker.getByRole("checkbox", { name: /Maya Patel/ }).check();
  await picker.getByRole("button", { name: "Add 2 people" }).click();
  await expect(picker.getByRole("status")).toHaveText("Added 2 people.");
  const members = page.getByRole("region", { name: "Members" });
  await expect(members.getByRole("row", { name: /Jordan Lee/ })).toBeVisible();
  await expect(members.getByRole("row", { name: /Maya Patel/ })).toBeVisible();
  await members.getByRole("button", { name: "Make lead: Jordan Lee" }).click();
  await expect(members.getByRole("row", { name: /Jordan Lee/ })).toContainText("Lead");
  await expect(members.getByRole("button", { name: "Stop leading: Jordan Lee" })).toBeVisible();

  // A lead measure with a weekly target, and a field message first for a bad one.
  const track = page.getByRole("form", { name: "Track a lead measure" });
  await track.getByLabel("Lead measure").selectOption({ label: "Coaching conversations (conversations)" });
  await track.getByLabel("Weekly target for the team").fill("-4");
  await track.getByRole("button", { name: "Track measure" }).click();
  await expect(track.getByText("Must be zero or more.")).toBeVisible();
  await track.getByLabel("Weekly target for the team").fill("12");
  await track.getByLabel("Per person (optional)").fill("6");
  await track.getByRole("button", { name: "Track measure" }).click();
  await expect(page.getByTestId("tracked-Coaching conversations")).toBeVisible();
  await expect(page.getByRole("form", { name: "Targets for Coaching conversations" }).getByLabel("Weekly target for the team")).toHaveValue("12");

  // The list sums it up, and the team's own page shows the measure against its target.
  await page.goto("/settings/teams");
  const line = page.getByRole("row", { name: /Night Owls/ });
  await expect(line).toContainText("Jordan Lee");
  await expect(line).toContainText("Coaching conversations: 12");
  await line.getByRole("link", { name: "Night Owls" }).click();
  await page.getByRole("link", { name: "Open the team's page →" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Night Owls");
  const score = page.getByTestId("score-Coaching conversations");
  await expect(score.getByTestId("team-target")).toHaveText("12");
  const teamUrl = page.url();

  // Rename: a name another team has is refused next to the field; a new one is taken.
  await page.goBack();
  const rename = page.getByRole("form", { name: "Rename the team" });
  await rename.getByLabel("Team name").fill("Billing Care");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(rename.getByText("A team with this name already exists.")).toBeVisible();
  await expect(rename.getByLabel("Team name")).toHaveAttribute("aria-invalid", "true");
  await rename.getByLabel("Team name").fill("Night Shift");
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Night Shift");

  // Archive, after a confirmation: it leaves the team lists and its page; the archived filter has it.
  await page.getByRole("button", { name: "Archive team…" }).click();
  const confirm = page.getByRole("group", { name: "Confirm archiving Night Shift" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Yes, archive" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("(archived)");
  await expect(page.getByRole("button", { name: "Restore team" })).toBeVisible();
  await page.goto("/settings/teams");
  await expect(page.getByRole("row", { name: /Night Shift/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Archived \(1\)/ }).click();
  await expect(page.getByRole("row", { name: /Night Shift/ })).toContainText("2");
  expect((await page.goto(teamUrl))?.status()).toBe(404);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Night Shift" })).toHaveCount(0);
});

test("on a phone the team settings fit the screen and work from the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, USERS.manager.email);
  await page.goto("/settings/teams");
  await page.getByRole("link", { name: "Tier 1 Support" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tier 1 Support");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Keyboard only: find a person, tick them with the space bar, add them.
  const picker = page.getByRole("form", { name: "Add people to the team" });
  await picker.getByLabel("Find a person").fill("Grace");
  await picker.getByLabel("Find a person").press("Tab");
  await expect(picker.getByRole("checkbox", { name: /Grace Kim/ })).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(picker.getByRole("button", { name: "Add to team" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(picker.getByRole("status")).toHaveText("Added 1 person.");
  await expect(page.getByRole("region", { name: "Members" }).getByRole("row", { name: /Grace Kim/ })).toBeVisible();
});

test("a member cannot open team settings", async ({ page }) => {
  await signIn(page, USERS.member.email);
  expect((await page.goto("/settings/teams"))?.status()).toBe(403);
});
