// POST /api/unsubscribe/<token> — RFC 8058 one-click unsubscribe: a mail client's own
// "Unsubscribe" button posts `List-Unsubscribe=One-Click` here (the List-Unsubscribe header of
// every reminder and digest), with no cookie and no sign-in; the signed token says who and what.
// 200 when done (again: still 200), 404 for a token we did not sign.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse, unavailableAs503 } from "@/lib/http/apiRoute";
import { unsubscribe } from "@/lib/services/notificationPreferences";

export const dynamic = "force-dynamic";

export const POST = unavailableAs503(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  try {
    const done = await unsubscribe(await getDb(), token);
    return NextResponse.json({ unsubscribed: { kind: done.kind, channel: "EMAIL" } });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return errorResponse(err);
    throw err;
  }
});
