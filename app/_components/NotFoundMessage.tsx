import Link from "@/app/_components/Link";

/** The 404 message: the root not-found wraps it in the page's main landmark, the app's own sits inside the app's. */
export function NotFoundMessage() {
  return (
    <div className="card">
      <h1>Not found</h1>
      <p className="muted">There is nothing here, or it belongs to an organization you are not a member of.</p>
      <Link href="/">Back to your teams</Link>
    </div>
  );
}
