import Link from "next/link";

export default function NotFound() {
  return (
    <main>
      <div className="card">
        <h1>Not found</h1>
        <p className="muted">There is nothing here, or it belongs to an organization you are not a member of.</p>
        <Link href="/">Back to your teams</Link>
      </div>
    </main>
  );
}
