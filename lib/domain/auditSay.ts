// What the audit trail's sentences are made of: the values an event's snapshot holds, the names of
// the records it points at (looked up now, else kept in the snapshot, else "a deleted team"), and
// numbers and days in the organization's locale. Pure.
import { refKey, type AuditName, type AuditNames, type AuditRefKind } from "./auditRefs";
import { quarterContaining } from "./calendar/quarters";
import { isIsoDate } from "./calendar/weeks";
import { listText } from "./lists";
import { dayWithYear, formatDay, formatMeasure, formatMoney, formatNumber, monthWithYear } from "./format";

export type AuditEventText = {
  action: string;
  entityType: string;
  /** The record's id: for people events a user's id; for grid cells "person|measure|day". */
  entityId?: string;
  /** Who acted, by name ("API token", "system" when no one). */
  actor: string;
  actorId?: string | null;
  /** The person a Membership or User event is about, when the caller already knows their name. */
  subject?: string | null;
  before: unknown;
  after: unknown;
};

export type AuditWords = { names?: AuditNames; locale?: string; currency?: string };

type Obj = Record<string, unknown>;

export const ROLE: Record<string, string> = { OWNER: "owner", ADMIN: "admin", MANAGER: "manager", MEMBER: "member", VIEWER: "viewer" };

/** Snapshot keys that hold an amount in the organization's currency. */
const MONEY_KEYS = new Set(["averageSalary", "amount", "hourlyRate"]);

const WEEKDAY = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Ids are kept whole; long texts (commitments, notes) are cut to a readable length. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `“${t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t}”`;
}

export const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

/** The readers and namers one event's sentence uses. */
export class Say {
  readonly before: Obj;
  readonly after: Obj;
  constructor(
    readonly e: AuditEventText,
    private readonly words: AuditWords,
  ) {
    this.before = asObj(e.before);
    this.after = asObj(e.after);
  }

  get actor(): string {
    return this.e.actor;
  }

  get locale(): string | undefined {
    return this.words.locale;
  }

  /** A string of the snapshot: after first, then before. */
  str(key: string): string | undefined {
    return str(this.after, key) ?? str(this.before, key);
  }

  num(key: string): number | undefined {
    return num(this.after, key) ?? num(this.before, key);
  }

  private lookup(kind: AuditRefKind, id: unknown): AuditName | undefined {
    return typeof id === "string" ? this.words.names?.get(refKey(kind, id.toLowerCase())) : undefined;
  }

  /** A person by id: their name now, else the name the event kept, else "a former member". */
  person(id: unknown, kept?: string): string {
    return this.lookup("person", id)?.name ?? kept ?? "a former member";
  }

  /** "Sam Lee's " unless the person is the one who acted. */
  whose(userId: unknown, kept?: string): string {
    return typeof userId === "string" && userId === this.e.actorId ? "" : `${this.person(userId, kept)}'s `;
  }

  team(id: unknown, kept?: string): string {
    return this.lookup("team", id)?.name ?? kept ?? "a deleted team";
  }

  teams(ids: unknown): string {
    return listText(Array.isArray(ids) ? ids.map((id) => this.team(id)) : []);
  }

  lead(id: unknown, kept?: string): AuditName {
    return this.lookup("lead", id) ?? { name: kept ?? "a deleted lead measure" };
  }

  lag(id: unknown, kept?: string): AuditName {
    return this.lookup("lag", id) ?? { name: kept ?? "a deleted lag measure" };
  }

  program(id: unknown, kept?: string): string {
    const name = this.lookup("program", id)?.name ?? kept;
    return name ? `the program ${quote(name)}` : "a deleted program";
  }

  token(id: unknown, kept?: string): string {
    const name = this.lookup("token", id)?.name ?? kept;
    return name ? `the API token ${quote(name)}` : "an API token";
  }

  number(value: unknown): string {
    return typeof value === "number" ? formatNumber(value, this.locale) : "?";
  }

  money(value: unknown): string {
    return typeof value === "number" && this.words.currency ? formatMoney(value, this.locale, this.words.currency) : this.number(value);
  }

  /** "Tue 3 Nov" */
  day(value: unknown): string {
    const d = isoDay(value);
    return d ? formatDay(d, this.locale) : "?";
  }

  /** "3 Nov 2026" */
  date(value: unknown): string {
    const d = isoDay(value);
    return d ? dayWithYear(d, this.locale) : "?";
  }

  /** A lag measure's value in its unit: "91.2%". */
  lagValue(value: unknown, lag: AuditName): string {
    return typeof value === "number" ? formatMeasure(value, lag.unit ?? "", this.locale) : "?";
  }

  /** The period a lag result is for, by the measure's cadence: "Nov 2026", "Q4 2026", "3 Nov 2026". */
  lagPeriod(value: unknown, lag: AuditName): string {
    const d = isoDay(value);
    if (!d) return "?";
    if (lag.cadence === "MONTHLY") return monthWithYear(d.slice(0, 7), this.locale);
    if (lag.cadence === "QUARTERLY") return quarterContaining(d).label;
    return dayWithYear(d, this.locale);
  }

  /** A role with its article: "an admin", "a viewer". */
  role(value: unknown): string {
    const r = typeof value === "string" ? value : "MEMBER";
    return `${r === "ADMIN" || r === "OWNER" ? "an" : "a"} ${ROLE[r] ?? r.toLowerCase()}`;
  }

  /** A snapshot value in words, for "from … to …" lists. */
  value(key: string, v: unknown): string {
    if (v == null || v === "") return "nothing";
    if (typeof v === "boolean") return v ? "on" : "off";
    if (typeof v === "number") return key === "weekStartsOn" ? (WEEKDAY[v] ?? String(v)) : MONEY_KEYS.has(key) ? this.money(v) : this.number(v);
    if (Array.isArray(v)) return v.length ? v.map((x) => this.value(key, x)).join(", ") : "none";
    if (typeof v === "string") {
      if (isoDay(v)) return this.date(v);
      if (ROLE[v]) return ROLE[v]!;
      // Codes: currencies as they are ("EUR"), enum values as words ("DELIVERY" → "delivery").
      if (/^[A-Z]{3}$/.test(v)) return v;
      return /^[A-Z_]+$/.test(v) ? v.toLowerCase().replace(/_/g, " ") : quote(v);
    }
    return "?";
  }

  /** "name from “A” to “B”, currency from GBP to EUR": the listed keys whose values differ. */
  changes(labels: Record<string, string>): string[] {
    const out: string[] = [];
    for (const [key, label] of Object.entries(labels)) {
      if (!(key in this.after)) continue;
      const was = normalise(this.before[key]);
      const now = normalise(this.after[key]);
      if (JSON.stringify(was) === JSON.stringify(now)) continue;
      out.push(key in this.before ? `${label} from ${this.value(key, was)} to ${this.value(key, now)}` : `${label} ${this.value(key, now)}`);
    }
    return out;
  }
}

function asObj(v: unknown): Obj {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
}

export function str(o: unknown, key: string): string | undefined {
  const v = asObj(o)[key];
  return typeof v === "string" ? v : undefined;
}

export function num(o: unknown, key: string): number | undefined {
  const v = asObj(o)[key];
  return typeof v === "number" ? v : undefined;
}

/** A day from "2026-11-03" or a date kept as "2026-11-03T00:00:00.000Z". */
function isoDay(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const d = v.length >= 10 ? v.slice(0, 10) : v;
  return isIsoDate(d) && (v.length === 10 || /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(v)) ? d : null;
}

/** Dates kept at midnight compare equal to the same day given as YYYY-MM-DD; id lists compare unordered. */
function normalise(v: unknown): unknown {
  if (typeof v === "string") return isoDay(v) ?? v;
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return [...v].sort();
  return v ?? null;
}
