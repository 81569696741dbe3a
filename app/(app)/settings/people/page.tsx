import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { pageData } from "@/lib/http/page";
import { PEOPLE_PAGE_LIMIT, peopleView } from "@/lib/views/people";
import { PeopleList } from "./PeopleList";
import styles from "./people.module.css";

export const metadata: Metadata = { title: "People" };

/** Everyone in the organization: roles, deactivation, removal, ownership. Admins only. */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const q = await searchParams;
  const view = await pageData(peopleView(await getDb(), ctx, { q: q.q, status: q.status }));
  const { locale, timeZone } = ctx.organization;
  return (
    <>
      <div className="page-head">
        <h1>People</h1>
        <p className="muted">
          {view.counts.active} active{view.counts.deactivated ? `, ${view.counts.deactivated} deactivated` : ""}.{" "}
          <Link href="/settings/invitations">Invite people</Link>
        </p>
      </div>
      <section className="card" aria-labelledby="people-title">
        <h2 id="people-title" className="sr-only">
          People
        </h2>
        <form method="get" className={styles.search} role="search">
          <div className="field">
            <label htmlFor="q">Search by name or email</label>
            <input id="q" name="q" type="search" defaultValue={view.q} maxLength={200} />
          </div>
          <div className="field" style={{ maxWidth: "12rem" }}>
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={view.status ?? ""}>
              <option value="">Everyone</option>
              <option value="active">Active</option>
              <option value="deactivated">Deactivated</option>
            </select>
          </div>
          <button type="submit" className="secondary">
            Search
          </button>
        </form>
        <PeopleList
          people={view.people.map((p) => ({
            id: p.id,
            name: p.name,
            email: p.email,
            role: p.role,
            status: p.status,
            teams: p.teams.map((t) => ({ name: t.name, isLead: t.isLead })),
            lastSeen: p.lastSeenAt ? mediumDateTime(p.lastSeenAt.toISOString(), locale, timeZone) : null,
            isMe: p.isMe,
            roles: p.roles,
            canDeactivate: p.canDeactivate,
            canRemove: p.canRemove,
            canTransfer: p.canTransfer,
          }))}
        />
        {view.truncated ? <p className="muted">Showing the first {PEOPLE_PAGE_LIMIT} by name; search to narrow the list.</p> : null}
      </section>
    </>
  );
}
