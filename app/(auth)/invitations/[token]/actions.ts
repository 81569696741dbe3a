"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { rememberOrganization } from "@/lib/auth/activeOrganization";
import { getViewer } from "@/lib/auth/context";
import { signInAs } from "@/lib/auth/signIn";
import { requestClientIp } from "@/lib/http/clientIp";
import { runPublicAction, type ActionState } from "@/lib/http/runAction";
import { acceptAsNewPerson, acceptAsSignedIn } from "@/lib/services/invitationAcceptance";

/** Someone new: name and password → account, membership, signed in, in the new organization. */
export async function acceptAsNewPersonAction(token: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runPublicAction(async (db) => {
    const joined = await acceptAsNewPerson(db, token, { name: form.get("name") ?? "", password: form.get("password") ?? "" }, await requestClientIp());
    await signInAs(db, joined.user, "password", (await headers()).get("user-agent") ?? "");
    await rememberOrganization(joined.organizationId);
    return "Joined.";
  });
  if (state.status === "ok") redirect("/");
  return state;
}

/** Someone signed in with the invited address: one click joins, and the new organization becomes the active one. */
export async function joinAction(token: string, _prev: ActionState): Promise<ActionState> {
  const state = await runPublicAction(async (db) => {
    const viewer = await getViewer();
    if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`);
    await rememberOrganization((await acceptAsSignedIn(db, token, viewer.user, await requestClientIp())).organizationId);
    return "Joined.";
  });
  if (state.status === "ok") redirect("/");
  return state;
}
