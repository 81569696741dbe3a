// POST /api/v1/roi/evaluate — the stateless ROI calculator: any valid API token (whatever its
// scopes) or any signed-in member; nothing is read or stored, so no role or scope guards data.
// The same evaluateRoi serves the programs' pages.
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { evaluateRoi } from "@/lib/domain/roi/formulas";
import { parseOrThrow } from "@/lib/errors";
import { roiEvaluateSchema } from "@/lib/schemas/roiEvaluate";

export const POST = apiRoute(null, async ({ request }) => {
  const input = parseOrThrow(roiEvaluateSchema, await readJson(request));
  const result = evaluateRoi({ costs: input.costs, benefits: input.benefits, months: input.months });
  return Response.json({ currency: input.currency, months: input.months, ...result });
});
