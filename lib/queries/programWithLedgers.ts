import "server-only";
// A program with its teams and ledgers (costs by date, benefit lines with their lag measure,
// intangibles in the order they were added), for the ROI computation. Null when the program is
// not the organization's.
import type { Db } from "@/lib/db/client";

export async function programWithLedgers(db: Db, params: { organizationId: string; programId: string }) {
  return db.program.findUnique({
    where: { organizationId_id: { organizationId: params.organizationId, id: params.programId } },
    include: {
      teams: { include: { team: { select: { name: true } } } },
      costs: { orderBy: { incurredOn: "asc" } },
      benefits: { orderBy: { createdAt: "asc" }, include: { lagMeasure: true } },
      intangibles: { orderBy: { createdAt: "asc" } },
    },
  });
}
