import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/context";

export default async function NoOrganizationPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (viewer.context) redirect("/");
  return (
    <main>
      <div className="card">
        <h1>You are not in an organization yet</h1>
        <p className="muted">
          Signed in as {viewer.user.email}. Ask an admin of your organization to add you, then sign in again.
        </p>
        <Link href="/sign-out">Sign out</Link>
      </div>
    </main>
  );
}
