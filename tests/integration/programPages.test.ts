// The program pages and their actions, rendered in-process as the signed-in person: a manager
// sees their program; a member gets 403; another organization's manager gets 404 for the page
// and "not found" from every action on its lines — never the program's data.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
// Whoever `signedIn.ctx` is, is signed in; forbidden()/notFound() throw what Next would catch.
const signedIn = vi.hoisted(() => ({ ctx: null as unknown }));
vi.mock("@/lib/auth/context", () => ({
  requirePageContext: async () => signedIn.ctx,
  requireActionContext: async () => signedIn.ctx,
}));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ replace: () => {} }),
  usePathname: () => "/programs",
  forbidden: () => {
    throw new Error("NEXT_HTTP_ERROR_FALLBACK;403");
  },
  notFound: () => {
    throw new Error("NEXT_HTTP_ERROR_FALLBACK;404");
  },
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT;${url}`);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { renderToStaticMarkup } from "react-dom/server";
import ProgramPage from "@/app/(app)/programs/[programId]/page";
import ProgramsPage from "@/app/(app)/programs/page";
import { addCostAction, removeLineAction } from "@/app/(app)/programs/actions";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { addMembership, createOrgWithTeam, createUser } from "@/lib/seed/factories";
import { addCost, saveProgram } from "@/lib/services/programs";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { serveFrom } from "./apiFixtures";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe.each(testDbKinds())("program pages [%s]", (kind) => {
  let t: TestDb;
  let managerA: TenantContext;
  let memberA: TenantContext;
  let managerB: TenantContext;
  let programId: string;
  let costId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    const a = await createOrgWithTeam(t.db);
    const b = await createOrgWithTeam(t.db);
    const ownerA = await createUser(t.db, { name: "Owner A" });
    await addMembership(t.db, a.organizationId, ownerA.id, "OWNER");
    managerA = (await loadTenantContext(t.db, ownerA.id, a.organizationId))!;
    memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    const ownerB = await createUser(t.db, { name: "Owner B" });
    await addMembership(t.db, b.organizationId, ownerB.id, "OWNER");
    managerB = (await loadTenantContext(t.db, ownerB.id, b.organizationId))!;
    programId = (await saveProgram(t.db, managerA, null, { name: "Secret coaching program", startDate: "2025-01-06", participantTeamIds: [a.teamId] })).id;
    costId = (await addCost(t.db, managerA, programId, { category: "DELIVERY", description: "Facilitator fee", incurredOn: "2025-01-06", amount: "6000" })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const render = async (page: Promise<React.ReactNode>) => renderToStaticMarkup(await page);
  const programPage = () => ProgramPage({ params: Promise.resolve({ programId }), searchParams: Promise.resolve({}) });

  it("shows a manager the program, its cost ledger and the labelled ROI figures", async () => {
    signedIn.ctx = managerA;
    const list = await render(ProgramsPage());
    expect(list).toContain("Secret coaching program");
    const html = await render(programPage());
    expect(html).toContain("Secret coaching program");
    expect(html).toContain("Facilitator fee");
    expect(html).toContain("Benefit-cost ratio (BCR)");
    expect(html).toContain("Return on investment (ROI)");
  });

  it("refuses members with 403", async () => {
    signedIn.ctx = memberA;
    await expect(ProgramsPage()).rejects.toThrow(/403/);
    await expect(programPage()).rejects.toThrow(/403/);
  });

  it("answers another organization's manager with 404 and never lists the program", async () => {
    signedIn.ctx = managerB;
    expect(await render(ProgramsPage())).not.toContain("Secret coaching program");
    await expect(programPage()).rejects.toThrow(/404/);
    const added = await addCostAction({ status: "idle" }, form({ programId, category: "DELIVERY", incurredOn: "2025-02-01", amount: "1" }));
    expect(added).toMatchObject({ status: "error", message: "Program not found." });
    const removed = await removeLineAction({ status: "idle" }, form({ kind: "cost", id: costId }));
    expect(removed.status).toBe("error");
    expect(JSON.stringify(removed)).not.toContain("Facilitator");
    // Still there for its own organization.
    signedIn.ctx = managerA;
    expect(await render(programPage())).toContain("Facilitator fee");
  });

  it("removes a line and puts it back with the same values", async () => {
    signedIn.ctx = managerA;
    const removed = await removeLineAction({ status: "idle" }, form({ kind: "cost", id: costId }));
    expect(removed).toMatchObject({ status: "ok", undo: { kind: "cost", programId } });
    expect(await render(programPage())).not.toContain("Facilitator fee");
    const { undoRemoveAction } = await import("@/app/(app)/programs/actions");
    const restored = await undoRemoveAction(
      { status: "idle" },
      form({ kind: "cost", programId, fields: JSON.stringify(removed.undo!.fields) }),
    );
    expect(restored.status).toBe("ok");
    const html = await render(programPage());
    expect(html).toContain("Facilitator fee");
    expect(html).toMatch(/\$6,000/);
  });
});
