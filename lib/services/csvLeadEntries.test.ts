// Reading a lead-entry CSV against an organization's rules, without a database: header mapping,
// wrong columns, thousands separators next to comma separators, and every bad row reported with
// its row number, the column as the file names it, and the reason.
import { describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import type { EntryRules, MeasureRule } from "./leadRules";
import { checkLeadEntries } from "./csvLeadEntries";
import type { ReadOptions, RequestedMapping } from "@/lib/csv/options";
import { parseCsv } from "@/lib/csv/parse";

const ORG = "00000000-0000-4000-8000-000000000001";
const TEAM = "00000000-0000-4000-8000-0000000000a1";
const OTHER_TEAM = "00000000-0000-4000-8000-0000000000a2";
const ANA = "00000000-0000-4000-8000-0000000000b1";
const BEN = "00000000-0000-4000-8000-0000000000b2";
const COACHING = "00000000-0000-4000-8000-0000000000c1";
const RECOGNITIONS = "00000000-0000-4000-8000-0000000000c2";

const measure = (id: string, name: string, aggregation: "SUM" | "COUNT"): MeasureRule => ({
  id,
  name,
  aggregation,
  archived: false,
  activeFrom: null,
  activeTo: null,
});
const measures = new Map([
  [COACHING, measure(COACHING, "Coaching conversations", "SUM")],
  [RECOGNITIONS, measure(RECOGNITIONS, "Recognitions given", "COUNT")],
]);

const rules: EntryRules = {
  organizationId: ORG,
  today: "2026-11-18",
  memberEarliest: "2026-11-09",
  managerEarliest: "2025-11-17",
  teams: new Map([
    [TEAM, { id: TEAM, name: "Tier 1 Support", members: new Set([ANA, BEN]), measures }],
    [OTHER_TEAM, { id: OTHER_TEAM, name: "Billing Care", members: new Set([BEN]), measures: new Map([[COACHING, measures.get(COACHING)!]]) }],
  ]),
  measures,
  peopleByEmail: new Map([
    ["ana@example.test", ANA],
    ["ben@example.test", BEN],
  ]),
  members: new Set([ANA, BEN]),
};

const manager: TenantContext = {
  organizationId: ORG,
  userId: BEN,
  role: "MANAGER",
  organization: {
    id: ORG,
    name: "Org",
    slug: "org",
    timeZone: "UTC",
    weekStartsOn: 1,
    currency: "USD",
    locale: "en-US",
    greenThreshold: 1,
    amberThreshold: 0.8,
  },
};

const ISO: ReadOptions = { dateOrder: "ymd", decimalMark: "dot" };

function check(text: string, opts: Partial<ReadOptions> & { mapping?: RequestedMapping } = {}) {
  return checkLeadEntries(parseCsv(text), { ...ISO, ...opts }, rules, manager);
}

describe("reading a lead-entry CSV", () => {
  it("turns each row into a cell, names matched case-insensitively", () => {
    const r = check(
      "email,team,measure,date,value,note\n" +
        "Ana@Example.test,tier 1 support,coaching conversations,2026-11-16,2,\"Refunds, then escalations\"\n" +
        "ben@example.test,Billing Care,Coaching conversations,2026-11-16,1.5,\n",
    );
    expect(r.problems).toEqual([]);
    expect(r.writes).toEqual([
      { userId: ANA, teamId: TEAM, leadMeasureId: COACHING, entryDate: "2026-11-16", value: 2, note: "Refunds, then escalations" },
      { userId: BEN, teamId: OTHER_TEAM, leadMeasureId: COACHING, entryDate: "2026-11-16", value: 1.5, note: "" },
    ]);
    expect(r.sample[0]).toEqual({
      row: 2,
      values: { email: "ana@example.test", team: "Tier 1 Support", measure: "Coaching conversations", date: "2026-11-16", value: "2", note: "Refunds, then escalations" },
    });
  });

  it("recognises other headers and column orders; the note column is optional", () => {
    const r = check("Value;Date;Lead measure;Team name;E-mail\n3;2026-11-17;Coaching conversations;Tier 1 Support;ana@example.test\n");
    expect(r.mapping).toEqual({ email: 4, team: 3, measure: 2, date: 1, value: 0, note: null });
    expect(r.problems).toEqual([]);
    expect(r.writes).toHaveLength(1);
  });

  it("names the missing columns and lets a mapping fill them in", () => {
    const text = "who,squad,what,day,n\nana@example.test,Tier 1 Support,Coaching conversations,2026-11-17,3\n";
    const unmapped = check(text);
    expect(unmapped.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/No column holds email/),
      expect.stringMatching(/No column holds team/),
      expect.stringMatching(/No column holds measure/),
      expect.stringMatching(/No column holds value/),
    ]);
    expect(unmapped.writes).toEqual([]);
    const mapped = check(text, { mapping: { email: "who", team: 1, measure: "WHAT", value: 4 } });
    expect(mapped.problems).toEqual([]);
    expect(mapped.writes).toHaveLength(1);
  });

  it("refuses one column chosen for two fields, and unknown fields in a mapping", () => {
    const r = check("email,team,measure,date,value\n", { mapping: { note: 0, colour: 1 } });
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/"colour" is not a column/),
      "This column is chosen for both email and note.",
    ]);
  });

  it("warns about columns it does not import", () => {
    const r = check("email,team,measure,date,value,shift\nana@example.test,Tier 1 Support,Coaching conversations,2026-11-17,3,late\n");
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual(['The column "shift" is not imported.']);
  });

  it("refuses rows where an unquoted 1,234 spilled into the next columns, and pads short rows", () => {
    const r = check(
      "email,team,measure,date,value,note\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2026-11-16,1,234\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2026-11-17,1,234,late\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2026-11-18,4\n" +
        'ana@example.test,Tier 1 Support,Coaching conversations,2026-11-15,"1,234",\n',
    );
    expect(r.problems).toEqual([
      { row: 2, column: "value", message: expect.stringMatching(/thousands separator split in two.*"1,234"/) },
      { row: 3, column: null, message: expect.stringMatching(/7 values but the header has 6 columns.*double quotes/) },
    ]);
    expect(r.writes.map((w) => w.value)).toEqual([4, 1234]);
  });

  it("lists every bad row with its row number, the file's column name and the reason", () => {
    const r = check(
      "Person,Team,Measure,Date,Value\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2026-11-16,2\n" +
        "zoe@elsewhere.test,Tier 1 Support,Coaching conversations,2026-11-16,2\n" +
        "\n" +
        "ana@example.test,Night Shift,Training hours,16/11/2026,-1\n" +
        "ana@example.test,Tier 1 Support,Recognitions given,2026-11-19,1.5\n" +
        "ana@example.test,Billing Care,Coaching conversations,2026-11-17,1\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2024-01-01,1\n" +
        "ana@example.test,tier 1 support,Coaching Conversations,2026-11-16,5\n",
    );
    expect(r.problems).toEqual([
      { row: 3, column: "Person", message: 'No member of this organization has the email "zoe@elsewhere.test".' },
      { row: 5, column: "Team", message: 'There is no active team named "Night Shift".' },
      { row: 5, column: "Measure", message: 'There is no lead measure named "Training hours".' },
      { row: 5, column: "Date", message: expect.stringMatching(/YYYY-MM-DD, or choose/) },
      { row: 5, column: "Value", message: "Must be zero or more." },
      { row: 6, column: "Value", message: "Enter a whole number: this measure counts occurrences." },
      { row: 6, column: "Date", message: "Can't be in the future." },
      { row: 7, column: "Person", message: "This person is not a member of the team." },
      { row: 8, column: "Date", message: expect.stringMatching(/more than a year ago/) },
      { row: 9, column: null, message: expect.stringMatching(/^Row 2 already sets ana@example.test, Coaching conversations on 2026-11-16/) },
    ]);
    expect(r.rowCount).toBe(7);
    expect(r.writes).toHaveLength(1);
  });

  it("reads a text repeated on many rows once, yet judges each row on its own", () => {
    // The same bad date on two rows, the same person spelt two ways, the same value with and
    // without a three-digit note after it, the same day in and out of a COUNT measure's rules.
    const r = check(
      "email,team,measure,date,value,note\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2026-13-01,1,\n" +
        "ANA@example.test,Tier 1 Support,Coaching conversations,2026-13-01,1,\n" +
        "Ana@Example.test,Tier 1 Support,Coaching conversations,2026-11-16,1,234\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2026-11-17,1,\n" +
        "ana@example.test,Tier 1 Support,Recognitions given,2026-11-17,1.5,\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2026-11-15,1.5,\n",
    );
    expect(r.problems).toEqual([
      { row: 2, column: "date", message: "2026-13-01 is not a date in the calendar." },
      { row: 3, column: "date", message: "2026-13-01 is not a date in the calendar." },
      { row: 4, column: "value", message: expect.stringMatching(/thousands separator split in two/) },
      { row: 6, column: "value", message: "Enter a whole number: this measure counts occurrences." },
    ]);
    expect(r.writes).toEqual([
      { userId: ANA, teamId: TEAM, leadMeasureId: COACHING, entryDate: "2026-11-17", value: 1, note: "" },
      { userId: ANA, teamId: TEAM, leadMeasureId: COACHING, entryDate: "2026-11-15", value: 1.5, note: "" },
    ]);
  });

  it("refuses a cell given twice even when the rows spell it differently", () => {
    const r = check(
      "email,team,measure,date,value\n" +
        "ana@example.test,Tier 1 Support,Coaching conversations,2026-11-16,1\n" +
        "ben@example.test,Tier 1 Support,Coaching conversations,2026-11-16,1\n" +
        " ANA@example.test ,tier 1 support,COACHING CONVERSATIONS,2026-11-16,2\n",
    );
    expect(r.problems).toEqual([{ row: 4, column: null, message: expect.stringMatching(/^Row 2 already sets ana@example.test, Coaching conversations on 2026-11-16/) }]);
    expect(r.writes.map((w) => w.userId)).toEqual([ANA, BEN]);
  });

  it("reads day/month/year dates and decimal commas when chosen", () => {
    const text = "email;team;measure;date;value\nana@example.test;Tier 1 Support;Coaching conversations;16/11/2026;2,5\n";
    expect(check(text).problems.map((p) => p.column)).toEqual(["date", "value"]);
    const r = check(text, { dateOrder: "dmy", decimalMark: "comma" });
    expect(r.problems).toEqual([]);
    expect(r.writes[0]).toMatchObject({ entryDate: "2026-11-16", value: 2.5 });
  });

  it("refuses a member's rows for someone else: imports follow the same rules as the log form", () => {
    const member = { ...manager, userId: ANA, role: "MEMBER" as const };
    const r = checkLeadEntries(
      parseCsv("email,team,measure,date,value\nben@example.test,Tier 1 Support,Coaching conversations,2026-11-16,1\n"),
      ISO,
      rules,
      member,
    );
    expect(r.problems).toEqual([{ row: 2, column: "email", message: "Only managers can change someone else's entries." }]);
  });
});
