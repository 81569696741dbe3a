// PATCH /api/v1/commitments/{commitmentId} — edits a commitment's text or lead measure before the meeting that reviews it.
// DELETE /api/v1/commitments/{commitmentId} — deletes it, under the same rule.
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { changeCommitment, removeCommitment } from "@/lib/http/endpoints/checkIns";
import { idParam } from "@/lib/http/validation";

type Params = { commitmentId: string };

export const PATCH = apiRoute<Params>("teams:write", async ({ db, ctx, request, params }) => {
  return Response.json(await changeCommitment(db, ctx, idParam(params.commitmentId, "Commitment"), await readJson(request)));
});

export const DELETE = apiRoute<Params>("teams:write", async ({ db, ctx, params }) => {
  return Response.json(await removeCommitment(db, ctx, idParam(params.commitmentId, "Commitment")));
});
