import "server-only";
// The lag-observation endpoints of the REST API, over the lag-observation service: the API's
// `date` is the service's `observedOn`, and problems come back under the API's field names.
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { requireLagWriter } from "@/lib/auth/permissions";
import { AppError, parseOrThrow, type FieldErrors, type Problem } from "@/lib/errors";
import { apiLagObservationSchema, batchLagObservationsSchema, type ApiLagObservation } from "@/lib/schemas/apiLagObservation";
import { lagProblemsOf, loadLagRules, recordLagObservation, setLagObservations, type LagObservationWrite } from "@/lib/services/lagObservations";
import type { ApiCaller } from "../apiRoute";
import { parseBatch, throwIfProblems } from "../validation";

const apiField = (field: string) => (field === "observedOn" ? "date" : field);

/** Re-throws a service refusal with the API's field names. */
function renamed(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.details) return err;
  const details = { ...err.details };
  if (details.fieldErrors) {
    const fieldErrors: FieldErrors = {};
    for (const [field, messages] of Object.entries(details.fieldErrors)) fieldErrors[apiField(field)] = messages;
    details.fieldErrors = fieldErrors;
  }
  if (Array.isArray(details.problems)) {
    details.problems = (details.problems as Problem[]).map((p) => ({ ...p, field: apiField(p.field) }));
  }
  return new AppError(err.code, err.message, details);
}

function toWrite(o: ApiLagObservation): LagObservationWrite {
  return { lagMeasureId: o.lagMeasureId, teamId: o.teamId ?? null, observedOn: o.date, value: o.value, note: o.note };
}

/** POST /api/v1/lag-observations: records (or replaces) one result. */
export async function addLagObservation(db: Db, caller: ApiCaller, body: unknown) {
  const input = parseOrThrow(apiLagObservationSchema, body);
  try {
    const { observation, replaced } = await recordLagObservation(db, caller.ctx, toWrite(input), clock.now(), "API");
    const { observedOn, ...rest } = observation;
    return { data: { ...rest, date: observedOn }, replaced: replaced > 0 };
  } catch (err) {
    throw renamed(err);
  }
}

/** POST /api/v1/lag-observations/batch: all or nothing, every problem by index. */
export async function setLagObservationBatch(db: Db, caller: ApiCaller, body: unknown) {
  const { ctx } = caller;
  // Before reading 10,000 rows for someone who may not write any.
  requireLagWriter(ctx.role);
  const { items, problems } = parseBatch(batchLagObservationsSchema, apiLagObservationSchema, body, "observations");
  const rules = await loadLagRules(db, ctx);
  const rows: LagObservationWrite[] = [];
  items.forEach((o, index) => {
    if (!o) return;
    const row = toWrite(o);
    for (const p of lagProblemsOf(rules, [row])) problems.push({ ...p, index, field: apiField(p.field) });
    rows.push(row);
  });
  throwIfProblems(problems);
  try {
    const { written, replaced } = await setLagObservations(db, ctx, rows, { source: "API", rules, auditNote: "api-batch" });
    return { received: items.length, written, replaced };
  } catch (err) {
    throw renamed(err);
  }
}
