// The tenant guard: every query on a tenant table must pin one organization. That is what lets
// the schema be distributed by organization id (Citus, docs/scaling.md): a query that names its
// organization runs on one shard; one that does not fans out to all of them, or — worse — reads
// another organization's rows. On when LEADLAG_TENANT_GUARD=1 (every vitest run sets it), so the
// whole integration suite checks every query the app's code makes (tests' own queries aside);
// off in production, where it costs nothing: the client is not extended at all.
//
// Prisma model operations are checked on their arguments (`where`, `data`); raw SQL
// ($queryRaw/$executeRaw) by a textual check of the statement: every tenant table it reads or
// writes must have its "organizationId" compared in a predicate. The few deliberate
// cross-organization queries are listed in CROSS_TENANT below, each with its reason.
import path from "node:path";
import { Prisma } from "@/lib/generated/prisma/client";

/** Models without an organization: people, their sign-ins, organizations themselves, and the
 *  rate limiters' counters (by account and IP address, before any organization is known). */
export const GLOBAL_MODELS = ["User", "UserSession", "PasswordReset", "Organization", "RateLimit"] as const;

/** Every model that carries organizationId (in the schema's order). */
export const TENANT_MODELS: readonly string[] = Object.values(Prisma.ModelName).filter((name) => {
  const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${name}ScalarFieldEnum`];
  return fields !== undefined && "organizationId" in fields;
});

/**
 * Deliberate cross-organization lookups, by model and the `where` keys they use. Each is a
 * lookup by a globally unique secret or by the person, made before any organization is known;
 * on Citus each is one multi-shard query per sign-in or link opened (docs/scaling.md).
 */
export const CROSS_TENANT: readonly { model: string; by: readonly string[]; reason: string }[] = [
  {
    model: "Membership",
    by: ["userId"],
    reason: "a person's organizations: at sign-in, whether a removed person has any left, a password change audited in each",
  },
  { model: "Invitation", by: ["tokenHash"], reason: "an invitation link carries only its token" },
  { model: "ReportShare", by: ["tokenHash"], reason: "a report's share link carries only its token" },
];

export class TenantGuardError extends Error {
  constructor(what: string, problem: string, callSite: string | undefined) {
    super(`Tenant guard: ${what} ${problem}${callSite ? ` (called from ${callSite})` : ""}`);
    this.name = "TenantGuardError";
  }
}

const tenantModels = new Set(TENANT_MODELS);

/**
 * `1`: check the queries the app makes, not the ones tests make themselves to set up or inspect
 * data across organizations; `all`: check every query (the guard's own test).
 */
export function tenantGuardMode(): "off" | "app" | "all" {
  const v = process.env.LEADLAG_TENANT_GUARD;
  return v === "all" ? "all" : v === "1" ? "app" : "off";
}

export function tenantGuardEnabled(): boolean {
  return tenantGuardMode() !== "off";
}

/** Is a query made at this call site checked? Any but a test's own (an unknown one is). */
export function checkedCallSite(callSite: string | undefined): boolean {
  if (tenantGuardMode() === "all" || callSite === undefined) return true;
  return !/^(tests|e2e)\//.test(callSite) && !/\.test\.tsx?:/.test(callSite);
}

// ---------------------------------------------------------------------------------------------
// Model operations

type Args = Record<string, unknown> | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** One organization, as a `where` value: a string, `{ equals }`, or null (an organization-less row). */
function pinsOne(v: unknown): boolean {
  if (typeof v === "string" || v === null) return true;
  return isRecord(v) && (typeof v.equals === "string" || v.equals === null);
}

/** Does this `where` pin organizationId (directly, through a compound key, or in an AND)? */
export function wherePinsOrganization(where: unknown): boolean {
  if (!isRecord(where)) return false;
  if ("organizationId" in where && pinsOne(where.organizationId)) return true;
  for (const [key, value] of Object.entries(where)) {
    if (key.startsWith("organizationId_") && isRecord(value) && typeof value.organizationId === "string") return true;
  }
  const and = where.AND;
  if (Array.isArray(and)) return and.some(wherePinsOrganization);
  return wherePinsOrganization(and);
}

function dataPinsOrganization(data: unknown): boolean {
  if (!isRecord(data)) return false;
  if (typeof data.organizationId === "string" || data.organizationId === null) return true;
  const org = data.organization;
  return isRecord(org) && isRecord(org.connect) && typeof org.connect.id === "string";
}

const isCrossTenant = (model: string, where: unknown) =>
  isRecord(where) && CROSS_TENANT.some((c) => c.model === model && c.by.some((k) => k in where && where[k] !== undefined));

/** Why this model operation is not pinned to one organization, or null when it is. */
export function checkModelOperation(model: string, operation: string, args: Args): string | null {
  if (!tenantModels.has(model)) return null;
  const a = args ?? {};
  if (operation === "create") return dataPinsOrganization(a.data) ? null : "creates a row without organizationId in data";
  if (operation === "createMany" || operation === "createManyAndReturn") {
    const rows = Array.isArray(a.data) ? a.data : [a.data];
    return rows.every(dataPinsOrganization) ? null : "creates rows without organizationId in data";
  }
  if (wherePinsOrganization(a.where) || isCrossTenant(model, a.where)) return null;
  return "has no organizationId in its where";
}

// ---------------------------------------------------------------------------------------------
// Raw SQL

/** Tables reached by raw SQL that may be read across organizations, with the reason. */
export const CROSS_TENANT_SQL: readonly { table: string; pattern: RegExp; reason: string }[] = [
  {
    table: "ReportExport",
    // The statement as the guard reads it (string literals blanked): fails running exports only.
    pattern: /^\s*UPDATE "ReportExport" e SET status = '', stage = '', error = \S+, "updatedAt" = now\(\)\s+WHERE e\.status = ''\s/,
    reason: "at start-up, running exports whose job is gone (lib/jobs/exportOrphans.ts)",
  },
];

const KEYWORDS = new Set(
  "where on join inner left right full cross natural using set values select group order limit offset having window union except intersect returning as lateral default".split(
    " ",
  ),
);

/** The statement's text with placeholders for its values, comments and string literals removed. */
export function sqlText(args: unknown): string {
  let text: string;
  if (typeof args === "string") text = args;
  else if (Array.isArray(args) && typeof args[0] === "string") text = args[0];
  else if (args instanceof Prisma.Sql) text = args.text;
  else if (Array.isArray(args) && args[0] instanceof Prisma.Sql) text = args[0].text;
  else if (Array.isArray(args) && Array.isArray(args[0])) text = (args[0] as string[]).join("?");
  else if (isRecord(args) && Array.isArray(args.strings)) text = (args.strings as string[]).join("?");
  else text = String(args);
  return text
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/'(?:[^']|'')*'/g, "''");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Does `ref` (e.g. `e."organizationId"`) take part in a comparison? */
function compared(sql: string, ref: string): boolean {
  const r = escapeRe(ref);
  return new RegExp(`${r}\\s*(=|IN\\b|IS\\s+NOT\\s+DISTINCT)|(=|IS\\s+NOT\\s+DISTINCT\\s+FROM)\\s*${r}(?![\\w"])`, "i").test(sql);
}

/** The tenant tables this statement names that are not pinned to an organization. */
export function unpinnedTables(sqlInput: string): string[] {
  const sql = sqlInput;
  const unpinned: string[] = [];
  const re = /\b(FROM|JOIN|UPDATE|INTO)\s+(?:"public"\.)?"(\w+)"(?:\s+(?:AS\s+)?("?)([A-Za-z_]\w*)\3)?(\s*\()?/gi;
  for (const m of sql.matchAll(re)) {
    const [, verb = "", table = "", , aliasRaw, paren] = m;
    if (!tenantModels.has(table)) continue;
    if (CROSS_TENANT_SQL.some((c) => c.table === table && c.pattern.test(sql))) continue;
    if (verb.toUpperCase() === "INTO") {
      // INSERT INTO "T" (…columns…): the organizationId column must be written.
      const cols = paren ? sql.slice((m.index ?? 0) + m[0].length, sql.indexOf(")", (m.index ?? 0) + m[0].length)) : "";
      if (!/"organizationId"/.test(cols)) unpinned.push(table);
      continue;
    }
    const alias = aliasRaw && !KEYWORDS.has(aliasRaw.toLowerCase()) ? aliasRaw : undefined;
    const refs = alias
      ? [`${alias}."organizationId"`, `"${alias}"."organizationId"`]
      : [`"${table}"."organizationId"`, `"public"."${table}"."organizationId"`];
    // A table named without an alias may compare the bare column.
    const bare = !alias && compared(sql.replace(/[\w"]+\."organizationId"/g, "x"), `"organizationId"`);
    if (!bare && !refs.some((r) => compared(sql, r))) unpinned.push(table);
  }
  return [...new Set(unpinned)];
}

// ---------------------------------------------------------------------------------------------
// The extension

/**
 * Where the query was written. Prisma records the call site of every model and raw call when it
 * is made (for its own error messages; not under errorFormat "minimal") and hands it to query
 * extensions in `__internalParams`: undocumented fields, so anything unexpected gives none. Its
 * own pick of the frame can land in Node's internals (a raw query made in a callback), so the
 * first frame in our source tree wins when the recorded stack is there.
 */
export function callSiteOf(internalParams: unknown): string | undefined {
  try {
    const callsite = isRecord(internalParams) ? internalParams.callsite : undefined;
    if (!isRecord(callsite)) return undefined;
    const stack = callsite._error instanceof Error ? callsite._error.stack : undefined;
    const ours = stack ? firstOwnFrame(stack) : undefined;
    if (ours) return ours;
    if (typeof callsite.getLocation !== "function") return undefined;
    const at = callsite.getLocation.call(callsite) as { fileName?: string; lineNumber?: number; columnNumber?: number } | null;
    return at?.fileName ? `${relative(at.fileName)}:${at.lineNumber ?? "?"}:${at.columnNumber ?? "?"}` : undefined;
  } catch {
    return undefined;
  }
}

const relative = (file: string) => path.relative(process.cwd(), file.replace(/^file:\/\//, ""));

/** `lib/x.ts:12:5` for the first stack frame in the project's own files. */
export function firstOwnFrame(stack: string): string | undefined {
  for (const line of stack.split("\n").slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!m) continue;
    const file = relative(m[1]!);
    if (file.startsWith("..") || /(^|\/)node_modules\/|^lib\/generated\/|^lib\/db\/tenantGuard\.ts$/.test(file)) continue;
    return `${file}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

const RAW = new Set(["$queryRaw", "$executeRaw", "$queryRawUnsafe", "$executeRawUnsafe"]);

/** The check the extension runs for one operation; throws TenantGuardError on a violation. */
export function guardOperation(model: string | undefined, operation: string, args: unknown, callSite?: string): void {
  if (!checkedCallSite(callSite)) return;
  if (model) {
    const problem = checkModelOperation(model, operation, args as Args);
    if (problem) throw new TenantGuardError(`${model}.${operation}`, problem, callSite);
    return;
  }
  if (RAW.has(operation)) {
    const tables = unpinnedTables(sqlText(args));
    if (tables.length > 0) {
      throw new TenantGuardError(
        `${operation} on ${tables.map((t) => `"${t}"`).join(", ")}`,
        `does not compare ${tables.length > 1 ? "their" : "its"} "organizationId" in a predicate`,
        callSite,
      );
    }
  }
}

/** The Prisma client extension that runs the check before every operation. */
export const tenantGuard = Prisma.defineExtension({
  name: "tenantGuard",
  query: {
    async $allOperations(params) {
      const { model, operation, args, query } = params;
      guardOperation(model, operation, args, callSiteOf((params as { __internalParams?: unknown }).__internalParams));
      return query(args);
    },
  },
});

/**
 * The client with the guard when LEADLAG_TENANT_GUARD=1, else the client itself. Typed as the
 * client it was given: a query-only extension adds nothing to the API, and `$extends`'s own type
 * would no longer be assignable to `Prisma.TransactionClient`, which services accept.
 */
export function withTenantGuard<C extends object>(client: C): C {
  if (!tenantGuardEnabled()) return client;
  return (client as unknown as { $extends(extension: unknown): C }).$extends(tenantGuard);
}
