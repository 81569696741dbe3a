import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { readyBanner } from "../../scripts/readyBanner";

describe("the ready banner of npm start", () => {
  it("gives the URL and every demo account with its role, and the password", () => {
    const banner = readyBanner("http://localhost:3000", true);
    expect(banner.split("\n")[0]).toBe("▸ Leadlag is ready: http://localhost:3000");
    expect(banner).toContain(`password ${DEMO_PASSWORD}`);
    const users = Object.values(DEMO_USERS);
    expect(users.length).toBeGreaterThanOrEqual(3);
    for (const u of users) expect(banner).toMatch(new RegExp(`${u.email}\\s+${u.role.toLowerCase()}\\s+${u.name}`));
  });

  it("names no demo account on an instance started without the demo", () => {
    expect(readyBanner("https://leadlag.example.com", false)).toBe("▸ Leadlag is ready: https://leadlag.example.com");
  });
});
