// The layers of STYLE.md are enforced by `npm run lint` (eslint.config.mjs, import/no-restricted-paths
// zones). These cases lint a line of source as if it stood in a given file: an import that points
// up a layer is an error, the same import pointing down is not.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const eslint = new ESLint();

async function layerErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

describe("the lint rule that keeps the layers", () => {
  // The first lint loads the config, the TypeScript parser and the import resolver: seconds.
  beforeAll(() => eslint.lintText("export {};\n", { filePath: "lib/domain/status.ts" }), 120_000);

  it.each([
    ["lib/domain/status.ts", 'import { x } from "@/lib/queries/activeTeams";', "lib/domain is pure"],
    ["lib/domain/status.ts", 'import { x } from "@/lib/auth/permissions";', "lib/domain is pure"],
    ["lib/queries/activeTeams.ts", 'import { x } from "@/lib/services/teams";', "lib/queries sit below"],
    ["lib/queries/activeTeams.ts", 'import { x } from "@/lib/views/dashboard";', "lib/queries sit below"],
    ["lib/services/teams.ts", 'import { x } from "@/lib/http/apiRoute";', "below lib/http"],
    ["lib/views/dashboard.ts", 'import { x } from "@/lib/seed/factories";', "below lib/http"],
    ["lib/charts/heatmap.ts", 'import { x } from "@/lib/queries/activeTeams";', "lib/charts is pure"],
    ["lib/csv/rows.ts", 'import { x } from "@/lib/services/leadRules";', "lib/csv is pure"],
    ["lib/report/render/pdf.ts", 'import { x } from "@/lib/db";', "lib/report/render is pure"],
    ["lib/db/client.ts", 'import { x } from "@/lib/seed/demo/seedDemo";', "lib/db is the bottom layer"],
    ["lib/views/dashboard.ts", 'import { x } from "@/app/(app)/dashboard/page";', "never imports app/"],
    ["app/(app)/page.tsx", 'import { x } from "@/lib/generated/prisma/client";', "routes only"],
  ])("refuses in %s: %s", async (file, source, why) => {
    const errors = await layerErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(why);
  });

  it.each([
    ["lib/views/dashboard.ts", 'import { x } from "@/lib/queries/activeTeams";'],
    ["lib/services/teams.ts", 'import { x } from "@/lib/domain/status";'],
    ["lib/queries/activeTeams.ts", 'import { x } from "@/lib/db/client";'],
    ["lib/http/apiRoute.ts", 'import { x } from "@/lib/services/teams";'],
    ["lib/domain/status.ts", 'import { x } from "@/lib/domain/calendar/weeks";'],
    ["app/(app)/page.tsx", 'import { x } from "@/lib/views/dashboard";'],
  ])("allows in %s: %s", async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });
});
