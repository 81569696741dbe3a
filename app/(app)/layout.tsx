import Link from "@/app/_components/Link";
import { redirect } from "next/navigation";
import { getViewer, redirectToSignIn } from "@/lib/auth/context";
import { canAdminister, canInvite, canManageMeasures, canReadAudit, canViewDashboard, canWrite } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { unreadNotificationCount } from "@/lib/views/notifications";
import { OrgLocaleProvider } from "@/app/_components/OrgLocale";
import { NavLinks } from "./NavLinks";
import { OrgSwitcher } from "./OrgSwitcher";
import { SkipLink } from "./SkipLink";
import { SignOutButton } from "@/app/_components/SignOutButton";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) return redirectToSignIn();
  if (!viewer.context) redirect("/no-organization");
  const { context } = viewer;
  const { locale, currency, timeZone } = context.organization;
  const unread = await unreadNotificationCount(await getDb(), context);
  const links = [{ href: "/", label: "My teams" }];
  if (canViewDashboard(context.role)) links.push({ href: "/dashboard", label: "Dashboard" });
  // Viewers read ROI and reports as managers do; measures, import and audit are for those who change things.
  if (canManageMeasures(context.role)) links.push({ href: "/measures", label: "Measures" });
  if (canViewDashboard(context.role)) links.push({ href: "/programs", label: "ROI" }, { href: "/reports", label: "Reports" });
  if (canManageMeasures(context.role)) links.push({ href: "/import", label: "Import" });
  if (canReadAudit(context.role)) links.push({ href: "/audit", label: "Audit" });
  if (canAdminister(context.role)) links.push({ href: "/settings", label: "Settings" });
  // Managers open two settings sections, invitations and teams (the settings nav links them).
  else if (canInvite(context.role)) links.push({ href: "/settings/invitations", label: "Settings" });
  return (
    <>
      <SkipLink />
      <header className="topbar">
        <Link className="brand" href="/">
          Lead<span>lag</span>
        </Link>
        <NavLinks links={links}>
          <div className="who">
          <span>
            <Link href="/account" title="Your account">{viewer.user.name}</Link> · {viewer.memberships.length > 1 ? <OrgSwitcher organizations={viewer.memberships} activeId={context.organizationId} /> : context.organization.name} ({context.role.toLowerCase()})
          </span>
          {canWrite(context.role) ? null : (
            <span className="badge none" title="Viewers read dashboards and reports; they change nothing.">
              Read-only
            </span>
          )}
          <SignOutButton />
        </div>
        </NavLinks>
        <Link href="/notifications" className="bell" aria-label={unread ? `Notifications: ${unread} unread` : "Notifications"} title="Notifications">
          <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
            />
          </svg>
          {unread ? <span className="badge">{unread > 99 ? "99+" : unread}</span> : null}
        </Link>
      </header>
      <main id="main" tabIndex={-1}>
        <OrgLocaleProvider value={{ locale, currency, timeZone }}>{children}</OrgLocaleProvider>
      </main>
    </>
  );
}
