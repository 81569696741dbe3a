import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { sentNotificationView } from "@/lib/views/notifications";

export const metadata: Metadata = { title: "Your reminder" };

/** "View in browser": a reminder or digest emailed to the caller, as it was sent. */
export default async function SentNotificationPage({ params }: { params: Promise<{ sendId: string }> }) {
  const ctx = await requirePageContext();
  const { sendId } = await params;
  const { note } = await pageData(getDb().then((db) => sentNotificationView(db, ctx, sendId)));
  return (
    <article className="card" style={{ maxWidth: "40rem" }}>
      <h1>{note.title}</h1>
      {note.lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      <p>
        <Link className="button" href={note.action.url.replace(/^https?:\/\/[^/]+/, "")}>
          {note.action.label}
        </Link>
      </p>
    </article>
  );
}
