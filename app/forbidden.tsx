import Link from "@/app/_components/Link";

/**
 * forbidden() is called only by pages inside a layout that has the main landmark (the app's and
 * the signed-out pages'), so this is not another main (axe: landmark-no-duplicate-main).
 */
export default function Forbidden() {
  return (
    <div className="card">
      <h1>You don&apos;t have access to this page</h1>
      <p className="muted">Your role in this organization does not allow it. Ask an admin if you think it should.</p>
      <Link href="/">Back to your teams</Link>
    </div>
  );
}
