import "server-only";
// Which organization a person with several works in: the ORG_COOKIE that getViewer reads. Set
// after joining one by invitation, and by the header's organization switcher — only to an
// organization the person is an active member of (getViewer's memberships).
import { cookies } from "next/headers";
import { secureCookies } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { getViewer, ORG_COOKIE } from "./context";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Makes `organizationId` the active organization of this browser (its membership is checked on every request). */
export async function rememberOrganization(organizationId: string): Promise<void> {
  (await cookies()).set(ORG_COOKIE, organizationId, { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(), maxAge: ONE_YEAR_SECONDS });
}

/** Switches to another of the signed-in person's organizations; any other id is "not found". */
export async function switchOrganization(organizationId: unknown): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  if (!viewer.memberships.some((m) => m.organizationId === organizationId)) throw notFound("You are not a member of that organization.");
  await rememberOrganization(organizationId as string);
}
