// DELETE /api/v1/invitations/{invitationId} — revokes an invitation: its link stops working.
import { apiRoute } from "@/lib/http/apiRoute";
import { idParam } from "@/lib/http/validation";
import { revokeInvitation } from "@/lib/services/invitations";

export const DELETE = apiRoute<{ invitationId: string }>("people:write", async ({ db, ctx, params }) => {
  return Response.json({ data: await revokeInvitation(db, ctx, idParam(params.invitationId, "Invitation")) });
});
