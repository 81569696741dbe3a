// The soak's organization: the demo (lib/seed/demo, as a fresh `npm start` seeds it), plus a team
// that has never logged anything — the CSV import's target, so "all or nothing" is a count of
// that team's entries — an API token for the load's writes, and a person of its own for the
// audit phase to lock out (scripts/soak/audit.ts), so no other phase's sign-in is refused.
import { loadTenantContext } from "@/lib/auth/loadContext";
import { openAdapter } from "@/lib/db/adapter";
import { makeClient } from "@/lib/db/client";
import { addDays, localDay, type IsoDate } from "@/lib/domain/calendar/weeks";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, addTeamMember, assignLeadMeasure, createLeadMeasure, createTeam, createUser } from "@/lib/seed/factories";
import { DEMO_ORG_SLUG, DEMO_PASSWORD, DEMO_USERS, LAGS } from "@/lib/seed/demo/catalogue";
import { prepareDatabase } from "@/lib/seed/prepare";
import { API_SCOPES, createApiToken } from "@/lib/services/apiTokens";

/** Where a load client may add an entry: a team member and a measure the team tracks. */
export type WriteTarget = { teamId: string; leadMeasureId: string; userId: string };

export type SoakOrg = {
  organizationId: string;
  token: string;
  manager: { email: string; password: string };
  targets: WriteTarget[];
  /** The days the load writes to: the week before today, in the organization's calendar. */
  days: IsoDate[];
  importTeam: { id: string; name: string; emails: string[]; measures: string[] };
  /** A member whom the audit locks out with wrong passwords. */
  lockAccount: { email: string; password: string };
  /** The demo's organization-wide lag measure (CSAT) the audit sends results of. */
  lagMeasure: { id: string; name: string };
};

const IMPORT_PEOPLE = 20;
const IMPORT_MEASURES = ["Soak calls", "Soak follow-ups", "Soak reviews", "Soak coaching", "Soak stories"];

export async function seedSoakOrganization(url: string): Promise<SoakOrg> {
  await prepareDatabase({ kind: "postgres", url }, { seedDemo: true });
  const opened = await openAdapter({ kind: "postgres", url });
  const db = makeClient(opened.factory);
  try {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
    const organizationId = org.id;
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.owner.email } });
    const ctx = (await loadTenantContext(db, owner.id, organizationId))!;

    const team = await createTeam(db, organizationId, { name: "Soak import team" });
    const emails: string[] = [];
    for (let i = 0; i < IMPORT_PEOPLE; i++) {
      const user = await createUser(db, { email: `soak-import-${i}@leadlag.demo`, name: `Import Person ${i}` });
      await addMembership(db, organizationId, user.id, Role.MEMBER);
      await addTeamMember(db, organizationId, team.id, user.id);
      emails.push(user.email);
    }
    for (const name of IMPORT_MEASURES) {
      const m = await createLeadMeasure(db, organizationId, { name });
      await assignLeadMeasure(db, organizationId, team.id, m.id, { weeklyTarget: 10 });
    }
    const lockUser = await createUser(db, { email: "soak-lock@leadlag.demo", name: "Lock Person", password: DEMO_PASSWORD });
    await addMembership(db, organizationId, lockUser.id, Role.MEMBER);
    const lagMeasure = await db.lagMeasure.findFirstOrThrow({ where: { organizationId, name: LAGS[0]!.name }, select: { id: true, name: true } });
    const { token } = await createApiToken(db, ctx, { name: "soak", scopes: [...API_SCOPES] });

    // Every (member, tracked measure) of the demo's active teams whose measure is live this week.
    const today = localDay(new Date(), org.timeZone);
    const days = [1, 2, 3, 4, 5, 6, 7].map((d) => addDays(today, -d));
    const targets = await db.$queryRaw<WriteTarget[]>`
      SELECT tm."teamId", a."leadMeasureId", tm."userId"
        FROM "TeamMember" tm
        JOIN "Team" t ON t."organizationId" = tm."organizationId" AND t.id = tm."teamId"
        JOIN "TeamLeadMeasure" a ON a."organizationId" = tm."organizationId" AND a."teamId" = tm."teamId"
        JOIN "LeadMeasure" m ON m."organizationId" = a."organizationId" AND m.id = a."leadMeasureId"
       WHERE tm."organizationId" = ${organizationId}::uuid AND t."archivedAt" IS NULL AND t.id <> ${team.id}::uuid
         AND m."archivedAt" IS NULL
         AND (m."activeFrom" IS NULL OR m."activeFrom" <= ${days[days.length - 1]}::date)
         AND (m."activeTo" IS NULL OR m."activeTo" >= ${today}::date)
       ORDER BY 1, 2, 3`;
    if (targets.length === 0) throw new Error("The demo organization has no team member with a live measure to write to.");
    return {
      organizationId,
      token,
      manager: { email: DEMO_USERS.manager.email, password: DEMO_PASSWORD },
      targets,
      days,
      importTeam: { id: team.id, name: team.name, emails, measures: IMPORT_MEASURES },
      lockAccount: { email: lockUser.email, password: DEMO_PASSWORD },
      lagMeasure,
    };
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}
