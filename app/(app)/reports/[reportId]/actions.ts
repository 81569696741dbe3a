"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { createReportShare, revokeReportShare } from "@/lib/services/reportShares";

/** The form state after making a link: the link itself travels once, in `url`. */
export type ShareState = ActionState & { url?: string };

export async function createShareAction(_prev: ShareState, form: FormData): Promise<ShareState> {
  let url: string | undefined;
  const state = await runAction(async (db, ctx) => {
    const share = await createReportShare(db, ctx, { reportId: form.get("reportId"), days: form.get("days") ?? undefined });
    url = share.url;
    revalidatePath(`/reports/${form.get("reportId")}`);
    return "Link created. Copy it now: it is shown only once.";
  });
  return url ? { ...state, url } : state;
}

export async function revokeShareAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { reportId } = await revokeReportShare(db, ctx, String(form.get("id") ?? ""));
    revalidatePath(`/reports/${reportId}`);
    return "Link revoked: it no longer opens the report.";
  });
}
