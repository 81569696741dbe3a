"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { notFound } from "@/lib/errors";
import { createApiToken, revokeApiToken } from "@/lib/services/apiTokens";
import { updateOrganizationSettings } from "@/lib/services/organization";

export async function saveOrganization(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    await updateOrganizationSettings(db, ctx, Object.fromEntries(form));
    // The name shows in the header of every page.
    revalidatePath("/", "layout");
    return "Settings saved.";
  });
}

export type CreateTokenState = ActionState & { token?: string };

export async function createToken(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  // The plain token leaves the server only in this one response.
  let token: string | undefined;
  const state = await runAction(async (db, ctx) => {
    const created = await createApiToken(db, ctx, { name: form.get("name") ?? "", scopes: form.getAll("scopes") });
    token = created.token;
    revalidatePath("/settings");
    return `Token "${created.name}" created.`;
  });
  return token ? { ...state, token } : state;
}

export async function revokeToken(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const id = z.uuid().safeParse(form.get("id"));
    if (!id.success || !(await revokeApiToken(db, ctx, id.data))) throw notFound("That token was not found or is already revoked.");
    revalidatePath("/settings");
    return "Token revoked. Requests with it are now refused.";
  });
}
