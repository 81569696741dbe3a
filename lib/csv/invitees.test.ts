import { describe, expect, it } from "vitest";
import { addressOf, readAddressList, readInviteeCsv } from "./invitees";

describe("reading who to invite", () => {
  it("takes addresses as mail programs copy them, with any separator, skipping blanks", () => {
    expect(addressOf('"Lima, Ana" <Ana@Example.com>')).toBe("Ana@Example.com");
    expect(addressOf("mailto:ben@example.com")).toBe("ben@example.com");
    const list = readAddressList("Ana Lima <ana@example.com>; ben@example.com\n\n carla@example.com ,\tdan@example.com");
    expect(list.map((i) => i.email)).toEqual(["ana@example.com", "ben@example.com", "carla@example.com", "dan@example.com"]);
    expect(list.map((i) => i.index)).toEqual([0, 1, 2, 3]);
    expect(list[0]!.at).toBe("“Ana Lima <ana@example.com>”");
    expect(readAddressList('"Lima, Ana" <ana@example.com>, ben@example.com').map((i) => i.email)).toEqual(["ana@example.com", "ben@example.com"]);
    expect(readAddressList(["x@example.com", "  "]).map((i) => i.email)).toEqual(["x@example.com"]);
  });

  it("reads a CSV file's email, role and teams columns by their headers, in any order and case", () => {
    const file = readInviteeCsv("Team;E-mail;Role\nSupport | Billing;ana@example.com;Manager\n;ben@example.com;\n");
    expect(file.problems).toEqual([]);
    expect(file.invitees).toEqual([
      { at: "Row 2", index: 0, email: "ana@example.com", role: "Manager", teams: ["Support", "Billing"] },
      { at: "Row 3", index: 1, email: "ben@example.com" },
    ]);
  });

  it("reads a headerless column of addresses as a list, and says when no column holds email", () => {
    expect(readInviteeCsv("ana@example.com\nben@example.com\n").invitees.map((i) => [i.at, i.email])).toEqual([
      ["Row 1", "ana@example.com"],
      ["Row 2", "ben@example.com"],
    ]);
    expect(readInviteeCsv("name,team\nAna,Support\n").problems[0]!.message).toMatch(/No column holds email/);
  });
});
