import Link from "next/link";

export default function Forbidden() {
  return (
    <main>
      <div className="card">
        <h1>You don&apos;t have access to this page</h1>
        <p className="muted">Your role in this organization does not allow it. Ask an admin if you think it should.</p>
        <Link href="/">Back to your teams</Link>
      </div>
    </main>
  );
}
