import "server-only";
// Who is calling, in which organization: the first step of every page, action and route, and
// the one place that chooses the active organization (the one the cookie names, else the oldest
// membership). Pages redirect anonymous visitors to sign-in; actions get a 401 AppError; route
// handlers (lib/http/apiRoute.ts) take session callers from here and API tokens besides.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { AppError, asUnavailable } from "@/lib/errors";
import { REQUESTED_PATH_HEADER, signInReturningTo } from "@/lib/http/callbackUrl";
import { orgSettings } from "./loadContext";
import { authOptions } from "./options";
import { liveSession } from "./sessions";
import type { TenantContext } from "./tenant";

export const ORG_COOKIE = "leadlag-org";

export type Viewer = {
  user: { id: string; name: string; email: string };
  /** The UserSession this request belongs to. */
  sessionId: string;
  memberships: { organizationId: string; name: string; role: TenantContext["role"] }[];
  context: TenantContext | null;
};

/**
 * The signed-in user, their organizations and the active one; null when signed out. A database
 * that cannot answer now is thrown as an UnavailableError, so a page says "busy, try again"
 * (app/error.tsx), an action answers its busy state and a route 503.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  try {
    return await loadViewer();
  } catch (err) {
    throw asUnavailable(err) ?? err;
  }
});

async function loadViewer(): Promise<Viewer | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  const sid = session?.user?.sid;
  if (!userId || !sid) return null;
  const db = await getDb();
  const live = await liveSession(db, sid, userId);
  if (!live) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      memberships: {
        where: { deactivatedAt: null, removedAt: null },
        include: { organization: { include: { ssoConnection: { select: { enabled: true, requireSso: true } } } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) return null;
  // An organization that requires SSO admits only sessions signed in through its SSO (its owners
  // keep password sign-in, so a broken identity provider cannot lock everyone out). A session
  // signed in through one organization's SSO reaches that organization only: its identity
  // provider vouches for the person there, not in their other organizations.
  const ssoOrg = live.method.startsWith("sso:") ? live.method.slice(4) : null;
  const usable = user.memberships.filter((m) => {
    if (ssoOrg) return m.organizationId === ssoOrg;
    const sso = m.organization.ssoConnection;
    return !(sso?.enabled && sso.requireSso) || m.role === "OWNER";
  });
  const wanted = (await cookies()).get(ORG_COOKIE)?.value;
  const active = usable.find((m) => m.organizationId === wanted) ?? usable[0];
  const o = active?.organization;
  return {
    user: { id: user.id, name: user.name, email: user.email },
    sessionId: live.id,
    memberships: usable.map((m) => ({
      organizationId: m.organizationId,
      name: m.organization.name,
      role: m.role,
    })),
    context: active && o ? { organizationId: o.id, userId: user.id, role: active.role, organization: orgSettings(o) } : null,
  };
}

/** To sign-in, then back to the page asked for, query included (proxy.ts hands pages their path). */
export async function redirectToSignIn(): Promise<never> {
  redirect(signInReturningTo((await headers()).get(REQUESTED_PATH_HEADER)));
}

/** For pages: the tenant context, or a redirect to sign-in (or to the no-organization page). */
export async function requirePageContext(): Promise<TenantContext> {
  const viewer = await getViewer();
  if (!viewer) return redirectToSignIn();
  if (!viewer.context) redirect("/no-organization");
  return viewer.context;
}

/** For server actions: the tenant context, or a 401. */
export async function requireActionContext(): Promise<TenantContext> {
  const viewer = await getViewer();
  if (!viewer?.context) throw new AppError("unauthenticated", "Sign in to continue.");
  return viewer.context;
}
