import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers of STYLE.md, enforced: arrows point down only.
//   app → lib/http, lib/auth → lib/views, lib/services, lib/jobs, lib/report/snapshot → lib/queries → lib/db
//   and below everything: the pure modules (lib/domain, lib/schemas, lib/charts, lib/csv, lib/email,
//   lib/report/{document,narrative,render}, lib/errors, lib/env, lib/clock).
// A zone says: files under `target` may not import from `from`.
const L = (p) => `./lib/${p}`;
const above = {
  http: [L("http")],
  access: [L("http"), L("auth")],
  readWrite: [L("views"), L("services"), L("jobs"), L("report/snapshot/collect.ts")],
  queries: [L("queries")],
  db: [L("db")],
  seed: [L("seed")],
};
const pure = ["domain", "schemas", "charts", "csv", "email", "report/document.ts", "report/narrative", "report/render",
  "report/snapshot/types.ts", "report/snapshot/canonical.ts", "report/snapshot/aggregates.ts"];
const impure = [...above.access, ...above.readWrite, ...above.queries, ...above.db, ...above.seed, "./app"];

const layerZones = [
  // Routes read through lib/views and write through lib/services: no Prisma client under app/.
  { target: "./app", from: "./lib/generated/prisma/client.ts", message: "app/ holds routes only: read through lib/views, write through lib/services." },
  // Nothing imports app/.
  { target: "./lib", from: "./app", message: "lib/ never imports app/ (routes only)." },
  // The domain imports nothing of ours but the domain (and generated enums/types).
  {
    target: L("domain"),
    from: "./lib",
    except: ["./domain", "./generated", "./errors.ts"],
    message: "lib/domain is pure: it imports only lib/domain.",
  },
  // The other pure modules: no database, no request, no session.
  ...pure
    .filter((p) => p !== "domain")
    .map((p) => ({ target: L(p), from: impure.filter((f) => f !== L("auth")), message: `lib/${p} is pure: no database, HTTP or session code.` })),
  ...pure
    .filter((p) => p !== "domain")
    .map((p) => ({ target: L(p), from: L("auth"), except: ["./tenant.ts", "./scopes.ts"], message: `lib/${p} is pure: only the TenantContext type and scopes from lib/auth.` })),
  // Queries read; they never call services, views, the pipeline or the session.
  {
    target: L("queries"),
    from: [...above.http, ...above.readWrite, ...above.seed, L("auth/context.ts"), L("auth/options.ts")],
    message: "lib/queries sit below views and services.",
  },
  // Views and services never reach up into the request pipeline.
  ...above.readWrite.map((t) => ({ target: t, from: [...above.http, ...above.seed], message: "views/services/jobs sit below lib/http." })),
  // The database layer knows nothing above it.
  { target: L("db"), from: [...above.access, ...above.readWrite, ...above.queries, ...above.seed], message: "lib/db is the bottom layer." },
];


const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  {
    // Every in-app link shows that its click was taken (app/_components/Link.tsx, issue #16).
    files: ["app/**/*.ts", "app/**/*.tsx", "lib/**/*.tsx"],
    ignores: ["app/_components/Link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", importNames: ["default"], message: "Use @/app/_components/Link: it shows the navigation indicator while the page loads." }] },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
