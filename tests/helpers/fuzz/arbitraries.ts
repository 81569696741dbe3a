// Hostile inputs for the fuzz suites (tests/integration/fuzz*.test.ts). A payload starts from a
// valid one and has at least one field replaced by a value that is invalid for that field's kind
// (so every generated payload must be refused), while the other fields are kept, dropped, made
// invalid too, or replaced by anything at all; unknown keys may be added. JSON bodies may also be
// no object at all, or no JSON. FormData carries strings only, so forms get the string variants.
import fc from "fast-check";

/** What a field holds, which decides what is surely invalid for it. */
export type Kind =
  /** A required or optional UUID ("" counts as absent in forms, so blanks are never the invalid value). */
  | "uuid"
  /** A calendar day, YYYY-MM-DD, within 2000–2100. */
  | "date"
  /** A number ≥ 0 with a bound far below 1e300. */
  | "count"
  /** A count where null is valid too (a batch's value: null clears the day). */
  | "countOrNull"
  /** Any number with a bound far below 1e300. */
  | "number"
  /** Required text (a name): non-blank, short. */
  | "name"
  /** Optional free text (a note): may be blank, at most a few thousand characters. */
  | "note"
  | "email"
  /** One of a few upper-case words. */
  | "enum"
  | "bool"
  /** A quarter such as 2026-Q3, within 2000–2100. */
  | "quarter"
  /** An ISO 4217 code. */
  | "currency"
  /** A list of UUIDs. */
  | "uuids";

const LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"];

/** Strings no field should accept as they are: NUL, lone surrogates, anywhere in any text. */
export const poisonedString = fc
  .tuple(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom("\u0000", ...LONE_SURROGATES), fc.nat())
  .map(([s, bad, at]) => {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    return s.slice(0, i) + bad + s.slice(i);
  });

/** Text too long for any name or note (the longest note is a few thousand characters). */
const overlong = fc.integer({ min: 10_001, max: 40_000 }).chain((n) => fc.constantFrom("x", "é", "😀", "\u202e").map((c) => c.repeat(n)));

/** Valid but unfriendly text: right-to-left, emoji, combining marks, markup, SQL. */
export const unfriendlyText = fc.oneof(
  fc.constantFrom(
    "\u202eevil\u202c",
    "مرحبا بالعالم",
    "שלום",
    "😀👍🏽👨‍👩‍👧",
    "e\u0301\u0301\u0301",
    "<script>alert(1)</script>",
    "'; DROP TABLE \"User\"; --",
    "../../etc/passwd",
    "%00",
    "\\u0000",
    "NaN",
    "Infinity",
    "-0",
    "null",
    "undefined",
    "0x1F",
    "1e309",
    "{}",
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** Strings that are no UUID, date, email, enum word, quarter or currency (never blank). */
const junkString = fc.oneof(
  poisonedString,
  overlong,
  unfriendlyText.filter((s) => s.trim() !== "" && !/^[A-Za-z]{3}$/.test(s.trim())), // a currency is read trimmed and upper-cased
  fc.constantFrom("0", "-1", "1.5", "true", "00000000-0000-0000-0000-00000000000g", "nope"),
);

/** JSON values of every type but string, nested and large ones included. */
export const nonStringJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.constantFrom(1e300, -1e300, Number.MAX_SAFE_INTEGER + 2, -0, 0, -1),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.array(fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxKeys: 4 }),
  fc.constantFrom({ __proto__: { admin: true } }, { constructor: { prototype: {} } }, [[[[[[[[[[[]]]]]]]]]]]),
  fc.constant(null).map(() => Array.from({ length: 10_000 }, (_, i) => i)),
);

const BAD_DATES = [
  "0000-01-01", "0001-01-01", "1899-12-31", "1999-12-31", "2101-01-01", "9999-12-31", "2026-02-30", "2026-02-29",
  "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-1", "26-01-01", "31/12/2026", "2026-01-01T00:00:00Z",
  "+02026-01-01", "-2026-01-01", " 2026-01-01", "2026-01-01\u0000", "2026/01/01", "NaN", "Infinity",
];
const BAD_QUARTERS = ["2026-Q0", "2026-Q5", "2026-q1", "Q1-2026", "2026Q1", "2026-Q1 ", "1999-Q4", "2101-Q1", "2026-Q1\u0000", "NaN"];
const BAD_EMAILS = ["plainaddress", "a@", "@example.com", "a b@example.com", "a@@example.com", "a@example..com", `${"a".repeat(300)}@example.com`, "a\u0000@example.com"];

/** Invalid in JSON for a field of `kind`. */
export function invalidJson(kind: Kind): fc.Arbitrary<unknown> {
  const typed = (strings: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: strings }, { weight: 2, arbitrary: nonStringJson.filter((v) => v !== null || kind !== "uuid") });
  switch (kind) {
    case "uuid":
      return typed(junkString);
    case "date":
      return typed(fc.oneof(fc.constantFrom(...BAD_DATES), junkString));
    case "quarter":
      return typed(fc.oneof(fc.constantFrom(...BAD_QUARTERS), junkString));
    case "currency":
      return typed(fc.oneof(fc.constantFrom("US", "EURO", "€", "U\u0000D", "XYZ"), junkString));
    case "email":
      return typed(fc.oneof(fc.constantFrom(...BAD_EMAILS), junkString.filter((s) => !s.includes("@"))));
    case "enum":
      return typed(fc.oneof(fc.constantFrom("owner", "OWNER ", "ADMIN\u0000", "Member"), junkString));
    case "name":
      return typed(fc.oneof(fc.constantFrom("", "   ", "\t\n"), poisonedString, overlong));
    case "note":
      return fc.oneof(poisonedString, overlong, nonStringJson);
    case "count":
      return fc.oneof(fc.constantFrom(-1, -0.0001, -1e300, 1e300, Number.MAX_VALUE), fc.integer({ max: -1 }), fc.constantFrom("3", "NaN", "Infinity", "1e309", ""), nonStringJson.filter((v) => typeof v !== "number"));
    case "countOrNull":
      return invalidJson("count").filter((v) => v !== null);
    case "number":
      return fc.oneof(fc.constantFrom(-1e300, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE), fc.constantFrom("3", "NaN", "Infinity", "-Infinity", "1e309", ""), nonStringJson.filter((v) => typeof v !== "number"));
    case "bool":
      return fc.oneof(fc.constantFrom("true", "false", "yes", 1, 0, "", "on"), nonStringJson.filter((v) => typeof v !== "boolean" && v !== null));
    case "uuids":
      return fc.oneof(
        fc.array(junkString, { minLength: 1, maxLength: 3 }),
        fc.constant(null).map(() => Array.from({ length: 10_001 }, () => crypto.randomUUID())),
        junkString,
        nonStringJson.filter((v) => !Array.isArray(v) || (v.length > 0 && v.some((x) => typeof x !== "string"))),
      );
  }
}

/** Invalid as a form field of `kind` (a string; absent and blank are left out: they may be valid). */
export function invalidForm(kind: Kind): fc.Arbitrary<string> {
  switch (kind) {
    case "uuid":
    case "uuids":
      return junkString;
    case "date":
      return fc.oneof(fc.constantFrom(...BAD_DATES.filter((d) => d !== " 2026-01-01")), junkString.filter((s) => !/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(s)));
    case "quarter":
      return fc.oneof(fc.constantFrom(...BAD_QUARTERS.filter((q) => q !== "2026-Q1 ")), junkString);
    case "currency":
      return fc.oneof(fc.constantFrom("US", "EURO", "€", "XYZ"), junkString);
    case "email":
      return fc.oneof(fc.constantFrom(...BAD_EMAILS), junkString.filter((s) => !s.includes("@")));
    case "enum":
      return fc.oneof(fc.constantFrom("owner", "Member", "ADMIN\u0000"), junkString);
    case "name":
      return fc.oneof(fc.constantFrom("   ", "\t\n"), poisonedString.filter((s) => s.includes("\u0000")), overlong);
    case "note":
      return fc.oneof(poisonedString.filter((s) => s.includes("\u0000")), overlong);
    case "count":
    case "countOrNull":
      return fc.constantFrom("-1", "-0.5", "NaN", "Infinity", "-Infinity", "1e309", "1e300", "abc", "12abc", "0x10", "--1", "1/2");
    case "number":
      return fc.constantFrom("NaN", "Infinity", "-Infinity", "1e309", "1e300", "-1e300", "abc", "12abc", "--1", "1/2");
    case "bool":
      return fc.constantFrom("yes", "1", "maybe", "TRUE\u0000");
  }
}

/** Any JSON value at all, for fields that are not the invalid one. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(unfriendlyText, poisonedString, nonStringJson, fc.uuid(), fc.constantFrom(...BAD_DATES));
/** Any form value at all. */
export const anyFormValue: fc.Arbitrary<string> = fc.oneof(unfriendlyText, poisonedString, fc.uuid(), fc.constantFrom(...BAD_DATES, "", "on", "true", "-1"));

const KEEP = Symbol("keep");
const DROP = Symbol("drop");

/**
 * An object payload from a valid `base`: a non-empty set of the spec's fields made invalid for
 * their kind, each other field kept, dropped, made invalid or set to anything, and (when
 * `extraKeys`) a few unknown keys — never one of the spec's names.
 */
export function objectPayload<V>(
  spec: Record<string, Kind>,
  base: Record<string, V>,
  invalid: (kind: Kind) => fc.Arbitrary<V>,
  anything: fc.Arbitrary<V>,
  opts: { extraKeys?: boolean } = {},
): fc.Arbitrary<Record<string, V>> {
  const keys = Object.keys(spec);
  const other = (k: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(KEEP as typeof KEEP | typeof DROP | V) },
      { weight: 1, arbitrary: fc.constant(DROP) },
      { weight: 2, arbitrary: invalid(spec[k]!) },
      { weight: 2, arbitrary: anything },
    );
  return fc
    .record({
      forced: fc.subarray(keys, { minLength: 1 }),
      forcedValues: fc.record(Object.fromEntries(keys.map((k) => [k, invalid(spec[k]!)]))),
      others: fc.record(Object.fromEntries(keys.map((k) => [k, other(k)]))),
      extra: opts.extraKeys ? fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in spec) && !(k in base)), anything, { maxKeys: 3 }) : fc.constant({}),
    })
    .map(({ forced, forcedValues, others, extra }) => {
      const out: Record<string, V> = { ...(extra as Record<string, V>) };
      for (const [k, v] of Object.entries(base)) if (!(k in spec)) out[k] = v;
      for (const k of keys) {
        const choice = forced.includes(k) ? forcedValues[k] : others[k];
        if (choice === KEEP) {
          if (k in base) out[k] = base[k]!;
        } else if (choice !== DROP) out[k] = choice as V;
      }
      return out;
    });
}

/** Request bodies that are no JSON object: other JSON values, broken JSON, binary. */
export const notAnObjectBody: fc.Arbitrary<string> = fc.oneof(
  nonStringJson.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)).map((v) => JSON.stringify(v) ?? "null"),
  unfriendlyText.map((s) => JSON.stringify(s)),
  fc.constantFrom("", "{", "{\"a\":", "[1,2", "{'a':1}", "NaN", "undefined", "{\"a\":1}{", "\u0000", "\ufeff{}x", "{\"__proto__\":{\"x\":1}", "[".repeat(10_000)),
  fc.string({ unit: "binary", maxLength: 60 }),
);
