import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/context";
import { timeZoneChoices } from "@/lib/schemas/organization";
import { NewOrganizationForm } from "./NewOrganizationForm";
import { SignOutButton } from "@/app/_components/SignOutButton";

export const metadata: Metadata = { title: "New organization" };

// Outside the (app) group on purpose: its layout sends people with no organization to
// /no-organization, and this page is where that page sends them to start one. So it has its
// own minimal shell (the brand, who is signed in, sign out) instead of the app's navigation.
export default async function NewOrganizationPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/organizations/new")}`);
  const current = viewer.context?.organization.name;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link className="brand" href="/">
          Lead<span>lag</span>
        </Link>
        <div className="who">
          <span>{viewer.user.name}</span>
          <SignOutButton />
        </div>
      </header>
      <main id="main">
        <div className="page-head">
          <h1>{current ? "Create another organization" : "Create an organization"}</h1>
          <p className="muted">
            You will be its owner, then set up its teams and measures and invite your colleagues.
            {current ? " Your other organizations stay as they are; switch between them from the header." : null}
          </p>
          {current ? (
            <p>
              <Link href="/">← Back to {current}</Link>
            </p>
          ) : null}
        </div>
        <div className="card" style={{ maxWidth: "36rem" }}>
          <NewOrganizationForm timeZones={timeZoneChoices()} />
        </div>
      </main>
    </>
  );
}
