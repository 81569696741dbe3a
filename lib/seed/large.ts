import "server-only";
// A generated organization many times the demo's size, for benchmarks: `teams` teams of
// `peoplePerTeam` people, five lead measures tracked by every team, and `weeks` weeks of
// entries (one entry per person, measure and working day with activity). Deterministic.
import { randomUUID } from "node:crypto";
import { addDays, lastWeekStarts, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import { Role } from "@/lib/generated/prisma/enums";
import {
  cachedPasswordHash,
  createLeadEntries,
  createOrganization,
  DEFAULT_PASSWORD,
  initialTargets,
  type DbClient,
  type LeadEntryRow,
} from "./factories";
import { createRng } from "@/lib/domain/stats/random";

export type LargeOrgOptions = { teams: number; peoplePerTeam: number; weeks: number; today: IsoDate; seed?: number };

export type LargeOrg = {
  organizationId: string;
  teamIds: string[];
  leadMeasureIds: string[];
  userIds: string[];
  /** A member of the first team, for timing the member's pages. */
  sampleMember: { userId: string; teamId: string };
  entries: number;
};

const MEASURES = ["Coaching conversations", "Recognitions given", "Service moments discussed", "Customer stories shared", "Training hours"];

export async function seedLargeOrg(db: DbClient, opts: LargeOrgOptions): Promise<LargeOrg> {
  const rng = createRng(opts.seed ?? 7);
  const org = await createOrganization(db, { name: `Bench org ${opts.teams} teams` });
  const organizationId = org.id;
  const passwordHash = await cachedPasswordHash(DEFAULT_PASSWORD);

  const teamIds = Array.from({ length: opts.teams }, () => randomUUID());
  const userIds = Array.from({ length: opts.teams * opts.peoplePerTeam }, () => randomUUID());
  const leadMeasureIds = MEASURES.map(() => randomUUID());
  const tag = organizationId.slice(0, 8);

  await db.user.createMany({
    data: userIds.map((id, i) => ({ id, email: `bench-${tag}-${i}@example.test`, name: `Person ${i}`, passwordHash })),
  });
  await db.membership.createMany({ data: userIds.map((userId) => ({ organizationId, userId, role: Role.MEMBER })) });
  await db.team.createMany({ data: teamIds.map((id, i) => ({ organizationId, id, name: `Team ${String(i + 1).padStart(3, "0")}` })) });
  await db.teamMember.createMany({
    data: userIds.map((userId, i) => ({ organizationId, teamId: teamIds[Math.floor(i / opts.peoplePerTeam)]!, userId })),
  });
  await db.leadMeasure.createMany({ data: leadMeasureIds.map((id, i) => ({ organizationId, id, name: MEASURES[i]! })) });
  const assignments = teamIds.flatMap((teamId) =>
    leadMeasureIds.map((leadMeasureId) => ({ organizationId, teamId, leadMeasureId, weeklyTarget: 3 * opts.peoplePerTeam, personWeeklyTarget: 3 })),
  );
  await db.teamLeadMeasure.createMany({ data: assignments });
  await db.leadTarget.createMany({ data: initialTargets(assignments) });

  const rows: LeadEntryRow[] = [];
  for (const week of lastWeekStarts(opts.today, 1, opts.weeks)) {
    for (let day = 0; day < 5; day++) {
      const date = addDays(week, day);
      if (date > opts.today) break;
      userIds.forEach((userId, i) => {
        for (const leadMeasureId of leadMeasureIds) {
          if (!rng.chance(0.55)) continue;
          rows.push({
            teamId: teamIds[Math.floor(i / opts.peoplePerTeam)]!,
            leadMeasureId,
            userId,
            entryDate: toUtcDate(date),
            value: rng.int(1, 3),
            source: "SEED",
          });
        }
      });
    }
  }
  const { count } = await createLeadEntries(db, organizationId, rows);
  return {
    organizationId,
    teamIds,
    leadMeasureIds,
    userIds,
    sampleMember: { userId: userIds[0]!, teamId: teamIds[0]! },
    entries: count,
  };
}
