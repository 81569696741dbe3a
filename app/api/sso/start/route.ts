// GET /api/sso/start?org=<organization id>&callbackUrl=/path — sends the browser to the
// organization's identity provider (lib/auth/sso.ts); anything amiss ends on the /sso page.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { SSO_FLOW_COOKIE, ssoFlowCookieOptions, startSsoSignIn } from "@/lib/auth/sso";
import { getDb } from "@/lib/db";
import { appOrigin } from "@/lib/env";
import { unavailableAs503 } from "@/lib/http/apiRoute";

export const dynamic = "force-dynamic";

export const GET = unavailableAs503(start);

async function start(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const org = z.uuid().safeParse(params.get("org"));
  const started = org.success
    ? await startSsoSignIn(await getDb(), { organizationId: org.data, callbackUrl: params.get("callbackUrl"), loginHint: params.get("login_hint") })
    : ({ ok: false, reason: "unavailable" } as const);
  if (!started.ok) return NextResponse.redirect(new URL(`/sso?error=${started.reason}`, appOrigin()), 303);
  const response = NextResponse.redirect(started.redirectTo, 303);
  response.cookies.set(SSO_FLOW_COOKIE, started.cookie, ssoFlowCookieOptions());
  return response;
}
