// Share links on each database: a manager makes a read-only, expiring link to one report; anyone
// holding it reads that report and its PDF with no account, and nothing once it is revoked or has
// expired. Only the token's hash is stored; a viewer cannot share; another organization can
// neither make nor revoke a link to this one's report; every link is in the audit trail in words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { hashLinkToken } from "@/lib/auth/linkTokens";
import { describeAuditEvent } from "@/lib/domain/auditText";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createOrgWithTeam, createUser, utcDate } from "@/lib/seed/factories";
import { createReportShare, revokeReportShare } from "@/lib/services/reportShares";
import { activeReportShares, sharedReport, sharedReportPdf } from "@/lib/views/reports";
import demo from "@/tests/fixtures/demoReportSnapshot.json";
import { appErrorOf, contextOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const DAY = 86_400_000;
const tokenOf = (url: string) => url.split("/shared/reports/")[1]!;

describe.each(testDbKinds())("report share links [%s]", (kind) => {
  let t: TestDb;
  let manager: TenantContext;
  let viewer: TenantContext;
  let outsider: TenantContext;
  let reportId: string;
  const title = "Quarterly ROI narrative: Share test";

  beforeAll(async () => {
    t = await createTestDb(kind);
    const org = await createOrgWithTeam(t.db);
    const other = await createOrgWithTeam(t.db);
    manager = await contextOf(t.db, org.manager.email, org.organizationId);
    outsider = await contextOf(t.db, other.manager.email, other.organizationId);
    const v = await createUser(t.db);
    await addMembership(t.db, org.organizationId, v.id, Role.VIEWER);
    viewer = await contextOf(t.db, v.email, org.organizationId);
    const report = await t.db.report.create({
      data: {
        organizationId: org.organizationId, scope: "ORGANIZATION", quarter: "2026-Q4", title,
        periodStart: utcDate("2026-10-01"), periodEnd: utcDate("2026-12-31"), asOf: utcDate("2026-11-29"),
        version: 1, snapshot: demo as object, snapshotSha256: "a".repeat(64), pdfSha256: "0".repeat(64), pdfPages: 1,
      },
    });
    reportId = report.id;
  }, 120_000);
  afterAll(async () => t?.close());

  it("gives whoever holds the link the report and its PDF, for 30 days by default, storing only the token's hash", async () => {
    const before = Date.now();
    const { url, expiresAt, id } = await createReportShare(t.db, manager, { reportId });
    const token = tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * DAY - 5_000);
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(30 * DAY + 5_000);
    const row = await t.db.reportShare.findFirstOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const view = await sharedReport(t.db, token);
    expect(view?.document.title).toBe("Quarterly ROI narrative: Northwind Support");
    const pdf = await sharedReportPdf(t.db, token);
    expect(Buffer.from(pdf!.body as Uint8Array).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await activeReportShares(t.db, manager, reportId)).map((s) => s.id)).toContain(id);

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { organizationId: manager.organizationId, action: "report.share.create", entityId: id } });
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
    expect(describeAuditEvent({ ...audit, actor: "Maria", subject: null })).toBe(`Maria shared the report “${title}” by a read-only link for 30 days.`);
  }, 60_000);

  it("stops working at once when revoked, and after it expires; a made-up token opens nothing", async () => {
    const { url, id } = await createReportShare(t.db, manager, { reportId, days: "7" });
    const token = tokenOf(url);
    expect(await sharedReport(t.db, token, new Date(Date.now() + 6 * DAY))).not.toBeNull();
    expect(await sharedReport(t.db, token, new Date(Date.now() + 7 * DAY + 60_000))).toBeNull();
    await revokeReportShare(t.db, manager, id);
    expect(await sharedReport(t.db, token)).toBeNull();
    expect(await sharedReportPdf(t.db, token)).toBeNull();
    expect((await activeReportShares(t.db, manager, reportId)).map((s) => s.id)).not.toContain(id);
    expect(await sharedReport(t.db, "A".repeat(43))).toBeNull();
    expect(await sharedReport(t.db, "../../etc")).toBeNull();
    expect(await t.db.auditEvent.count({ where: { organizationId: manager.organizationId, action: "report.share.revoke", entityId: id } })).toBe(1);
  }, 60_000);

  it("refuses a viewer, another organization, and a lifetime it does not offer", async () => {
    expect((await appErrorOf(createReportShare(t.db, viewer, { reportId }))).code).toBe("forbidden");
    expect((await appErrorOf(createReportShare(t.db, outsider, { reportId }))).code).toBe("not_found");
    const { id } = await createReportShare(t.db, manager, { reportId });
    expect((await appErrorOf(revokeReportShare(t.db, outsider, id))).code).toBe("not_found");
    const bad = await appErrorOf(createReportShare(t.db, manager, { reportId, days: "45" }));
    expect(bad.details?.fieldErrors?.days).toEqual(["Choose 7, 30, 90 days."]);
  }, 60_000);
});
