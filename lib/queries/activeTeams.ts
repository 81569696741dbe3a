import "server-only";
// The organization's active (not archived) teams, by name: the team filters, pickers and rule
// checks all start from this list. Ties on name (none within an organization) fall back to id
// so the order never depends on the database.
import type { Db } from "@/lib/db/client";

export type TeamOption = { id: string; name: string };

export async function activeTeams(db: Db, organizationId: string): Promise<TeamOption[]> {
  return db.team.findMany({
    where: { organizationId, archivedAt: null },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
