// Leadlag's request surface, read from the source tree at test time: every route handler with
// the HTTP methods it exports, every page, every function a "use server" module exports. The
// isolation and fuzz suites hold a case per entry and fail on an entry without one, so a new
// route, page or action cannot ship untested. Exports are read with TypeScript's parser (no
// module is imported, nothing runs), so every export form counts: `export const GET = …`,
// `export async function POST`, `export { handler as GET }`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One method of one route handler: `app/api/v1/teams/route.ts POST`. */
export type RouteEntry = { file: string; method: HttpMethod; urlPath: string; key: string };
/** One page: `app/(app)/programs/[programId]/page.tsx`. */
export type PageEntry = { file: string; urlPath: string; key: string };
/** One exported server action: `app/(app)/programs/actions.ts addCostAction`. */
export type ActionEntry = { file: string; name: string; key: string };

/** Files under `dir` (relative to the repository root, sorted) whose name passes `keep`. */
function walk(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "generated" && !entry.name.startsWith(".")) out.push(...walk(rel, keep));
    } else if (keep(entry.name)) out.push(rel);
  }
  return out.sort();
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, false, kind);
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports as values (types and interfaces are not part of its surface). */
export function exportedValues(file: string): string[] {
  const names: string[] = [];
  for (const stmt of parse(file).statements) {
    if (ts.isFunctionDeclaration(stmt) && isExported(stmt) && stmt.name) names.push(stmt.name.text);
    else if (ts.isVariableStatement(stmt) && isExported(stmt)) {
      for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (ts.isExportDeclaration(stmt) && !stmt.isTypeOnly && stmt.exportClause && ts.isNamedExports(stmt.exportClause)) {
      for (const el of stmt.exportClause.elements) if (!el.isTypeOnly) names.push(el.name.text);
    }
  }
  return names;
}

/** The URL path of an app/ file: route groups dropped, dynamic segments kept as `[name]`. */
export function urlPathOf(file: string): string {
  const segments = path.posix.dirname(file).split("/").slice(1);
  const kept = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return `/${kept.join("/")}`;
}

/** Every exported HTTP method of every app/**\/route.ts. */
export function discoverRoutes(): RouteEntry[] {
  return walk("app", (n) => n === "route.ts" || n === "route.tsx").flatMap((file) =>
    exportedValues(file)
      .filter((n): n is HttpMethod => (HTTP_METHODS as readonly string[]).includes(n))
      .map((method) => ({ file, method, urlPath: urlPathOf(file), key: `${file} ${method}` })),
  );
}

/** Every app/**\/page.tsx. */
export function discoverPages(): PageEntry[] {
  return walk("app", (n) => n === "page.tsx" || n === "page.ts").map((file) => ({ file, urlPath: urlPathOf(file), key: file }));
}

/** True when the module starts with the "use server" directive (file-level server actions). */
function isServerModule(file: string): boolean {
  const first = parse(file).statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

/** Every exported function of every "use server" module under app/ and lib/. */
export function discoverActions(): ActionEntry[] {
  const files = [...walk("app", (n) => /\.tsx?$/.test(n)), ...walk("lib", (n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n))];
  return files.filter(isServerModule).flatMap((file) => exportedValues(file).map((name) => ({ file, name, key: `${file} ${name}` })));
}

/**
 * What a table of cases lacks against the discovered keys, and what it holds for keys that no
 * longer exist: one message per mismatch, e.g. "app/api/v1/foo/route.ts POST has no isolation case".
 */
export function coverageProblems(discovered: string[], covered: string[], suite: string): string[] {
  const have = new Set(covered);
  const exist = new Set(discovered);
  return [
    ...discovered.filter((k) => !have.has(k)).map((k) => `${k} has no ${suite} case`),
    ...covered.filter((k) => !exist.has(k)).map((k) => `${k} is in the ${suite} cases but no longer exists`),
  ];
}
