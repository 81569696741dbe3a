// The one text check, and proof that every schema uses it: a walk over every exported schema of
// lib/schemas finds each string it accepts and feeds it NUL, another control character and a
// lone surrogate. A new free-text field written with a bare z.string() fails here.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, LONE_SURROGATE_MESSAGE, text, textProblem } from "./text";

const HOSTILE = {
  nul: "Team\u0000name",
  "a C0 control (ESC)": "Team\u001bname",
  DEL: "Team\u007fname",
  "a lone high surrogate": "Team\ud83dname",
  "a lone low surrogate": "Team\ude00name",
  "a reversed pair": "Team\ude00\ud83dname",
};

describe("textProblem", () => {
  it("refuses NUL, control characters and lone surrogates", () => {
    expect(textProblem(HOSTILE.nul)).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(textProblem(HOSTILE["a C0 control (ESC)"])).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(textProblem(HOSTILE.DEL)).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(textProblem(HOSTILE["a lone high surrogate"])).toBe(LONE_SURROGATE_MESSAGE);
    expect(textProblem(HOSTILE["a lone low surrogate"])).toBe(LONE_SURROGATE_MESSAGE);
    expect(textProblem(HOSTILE["a reversed pair"])).toBe(LONE_SURROGATE_MESSAGE);
    expect(textProblem("\ud83d")).toBe(LONE_SURROGATE_MESSAGE);
  });

  it("accepts tabs, line breaks, emoji and any script", () => {
    for (const ok of ["", "line\nbreak\ttab\r\n", "Ünïcødé — “quotes”", "😀 👍🏽 🇫🇷", "日本語", "עברית", "\u00a0\u202f", "<script>alert(1)</script>"]) {
      expect(textProblem(ok)).toBeNull();
    }
  });

  it("keeps z.string()'s chain: trim, lengths and the type message", () => {
    const name = text({ error: "Give a name." }).trim().min(1, "Give a name.").max(5, "Too long.");
    expect(name.parse("  ab  ")).toBe("ab");
    expect(name.safeParse(3).error?.issues[0]?.message).toBe("Give a name.");
    expect(name.safeParse("abcdefg").error?.issues[0]?.message).toBe("Too long.");
    expect(name.safeParse("a\u0000b").error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
  });
});

// ---------------------------------------------------------------------------------------------
// Every string of every exported schema

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Each string schema reachable from `schema`, with where it is. */
function strings(schema: z.ZodType, path: string, out: { path: string; schema: z.ZodType }[], seen = new Set<z.ZodType>()): typeof out {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (s: unknown, p: string) => s instanceof z.ZodType && strings(s, p, out, seen);
  switch (def.type) {
    case "string":
      out.push({ path, schema });
      break;
    case "object":
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(v, `${path}.${k}`);
      walk(def.catchall, `${path}.*`);
      break;
    case "pipe":
      walk(def.in, path);
      walk(def.out, path);
      break;
    case "array":
      walk(def.element, `${path}[]`);
      break;
    case "union":
      (def.options as z.ZodType[]).forEach((o, i) => walk(o, `${path}|${i}`));
      break;
    case "intersection":
      walk(def.left, path);
      walk(def.right, path);
      break;
    case "record":
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      break;
    case "tuple":
      (def.items as z.ZodType[]).forEach((o, i) => walk(o, `${path}[${i}]`));
      walk(def.rest, `${path}[…]`);
      break;
    case "lazy":
      walk((def.getter as () => z.ZodType)(), path);
      break;
    default:
      // optional, nullable, default, prefault, catch, readonly, nonoptional: one inner schema.
      walk(def.innerType, path);
  }
  return out;
}

const modules = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts", "!./text.ts"], { eager: true });

/** Exported schemas, and the schemas the exported factories make. */
function exportedSchemas(): { name: string; schema: z.ZodType }[] {
  const out: { name: string; schema: z.ZodType }[] = [];
  for (const [file, mod] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof z.ZodType) out.push({ name: `${file.slice(2)} ${name}`, schema: value });
    }
  }
  const factories = modules["./formData.ts"]!;
  out.push({ name: "formData.ts formDate()", schema: (factories.formDate as (l: string) => z.ZodType)("a date") });
  out.push({ name: "formData.ts optionalFormDate()", schema: (factories.optionalFormDate as () => z.ZodType)() });
  out.push({ name: "apiLeadEntry.ts isoDate()", schema: (modules["./apiLeadEntry.ts"]!.isoDate as () => z.ZodType)() });
  return out;
}

describe("every schema of lib/schemas", () => {
  const fields = exportedSchemas().flatMap(({ name, schema }) => strings(schema, "", []).map((s) => ({ where: `${name}${s.path}`, schema: s.schema })));

  it("has text fields to check (the walk finds them)", () => {
    expect(fields.length).toBeGreaterThan(60);
    expect(fields.map((f) => f.where)).toEqual(
      expect.arrayContaining(["team.ts createTeamSchema.name", "apiLagObservation.ts apiLagObservationSchema.note", "checkIn.ts markCheckInHeldSchema.notes"]),
    );
  });

  it("would catch a bare z.string()", () => {
    const bare = strings(z.object({ note: z.string().max(500).optional() }), "", []);
    expect(bare).toHaveLength(1);
    expect(bare[0]!.schema.safeParse(HOSTILE.nul).success).toBe(true);
  });

  for (const [what, value] of Object.entries(HOSTILE)) {
    it(`refuses ${what} in every string field`, () => {
      const accepted = fields.filter((f) => f.schema.safeParse(value).success).map((f) => f.where);
      expect(accepted).toEqual([]);
    });
  }
});
