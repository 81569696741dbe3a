// GET /api/sso/callback — the redirect URI admins register at their identity provider. The
// answer is checked against the flow cookie and the organization's connection
// (lib/auth/sso.ts); the person is signed in with a session of that organization's SSO, and
// that organization becomes the active one. Refusals end on the /sso page, which says why.
import { NextResponse, type NextRequest } from "next/server";
import { cookies } from "next/headers";
import { rememberOrganization } from "@/lib/auth/activeOrganization";
import { signInAs } from "@/lib/auth/signIn";
import { SSO_FLOW_COOKIE, finishSsoSignIn, ssoFlowCookieOptions } from "@/lib/auth/sso";
import { getDb } from "@/lib/db";
import { appOrigin } from "@/lib/env";
import { unavailableAs503 } from "@/lib/http/apiRoute";

export const dynamic = "force-dynamic";

export const GET = unavailableAs503(finish);

async function finish(request: NextRequest) {
  const db = await getDb();
  const finished = await finishSsoSignIn(db, { cookie: request.cookies.get(SSO_FLOW_COOKIE)?.value, currentUrl: request.nextUrl });
  const jar = await cookies();
  // The flow cookie is single use, whatever the outcome.
  jar.set(SSO_FLOW_COOKIE, "", { ...ssoFlowCookieOptions(), maxAge: 0 });
  if (!finished.ok) return NextResponse.redirect(new URL(`/sso?error=${finished.reason}`, appOrigin()), 303);
  await signInAs(db, finished.user, `sso:${finished.organizationId}`, request.headers.get("user-agent") ?? "");
  await rememberOrganization(finished.organizationId);
  return NextResponse.redirect(new URL(finished.callbackUrl, appOrigin()), 303);
}
