// `npm run api-token -- <org slug or id> <name> [--scopes a,b]`: creates an API token for an
// organization, as its first owner, and prints only the token on stdout (everything else goes to
// stderr), so scripts can capture it: TOKEN=$(npm run -s api-token -- demo "CI").
// PGlite allows one owner of a data directory: stop the server first when it uses the embedded
// database.
import { openAdapter } from "@/lib/db/adapter";
import { makeClient } from "@/lib/db/client";
import { dbTarget } from "@/lib/db/target";
import { loadTenantContext } from "@/lib/auth/loadContext";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { API_SCOPES, createApiToken } from "@/lib/services/apiTokens";

const USAGE = `Usage: npm run api-token -- <organization slug or id> <token name> [--scopes ${API_SCOPES.join(",")}]
Without --scopes the token gets every scope.`;

function parseArgs(argv: string[]): { org: string; name: string; scopes: string[] } {
  const positional: string[] = [];
  let scopes: string[] = [...API_SCOPES];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--scopes" || arg.startsWith("--scopes=")) {
      const value = arg === "--scopes" ? argv[++i] : arg.slice("--scopes=".length);
      if (!value) throw new Error(`--scopes needs a comma-separated list.\n${USAGE}`);
      scopes = value.split(",").map((s) => s.trim()).filter(Boolean);
    } else if (arg === "--help" || arg === "-h") {
      console.error(USAGE);
      process.exit(0);
    } else if (arg.startsWith("--")) {
      throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  const [org, name, ...extra] = positional;
  if (!org || !name || extra.length) throw new Error(USAGE);
  return { org, name, scopes };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const opened = await openAdapter(dbTarget());
  const db = makeClient(opened.factory);
  try {
    const org = await db.organization.findFirst({
      where: isUuid(args.org) ? { OR: [{ id: args.org }, { slug: args.org }] } : { slug: args.org },
    });
    if (!org) throw new Error(`No organization has the slug or id "${args.org}".`);
    const owner = await db.membership.findFirst({
      where: { organizationId: org.id, role: "OWNER" },
      orderBy: { createdAt: "asc" },
      select: { userId: true },
    });
    if (!owner) throw new Error(`The organization "${org.slug}" has no owner to create the token as.`);
    const ctx = await loadTenantContext(db, owner.userId, org.id);
    const created = await createApiToken(db, ctx!, { name: args.name, scopes: args.scopes });
    console.error(`Created API token "${created.name}" (${created.prefix}) for "${org.name}" with scopes: ${created.scopes.join(", ")}.`);
    console.error("It is shown only now; revoke it in Settings → API tokens.");
    process.stdout.write(`${created.token}\n`);
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof AppError && err.details?.fieldErrors) {
      console.error(`${err.message} ${Object.entries(err.details.fieldErrors).map(([f, m]) => `${f}: ${m.join(" ")}`).join("; ")}`);
    } else {
      console.error(err instanceof Error ? err.message : err);
    }
    process.exit(1);
  },
);
