import * as clock from "@/lib/clock";
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canManageMeasures } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { activeTeams } from "@/lib/queries/activeTeams";
import { ProgramForm } from "../ProgramForm";

export const metadata: Metadata = { title: "New program" };

export default async function NewProgramPage() {
  const ctx = await requirePageContext();
  if (!canManageMeasures(ctx.role)) forbidden();
  const teams = await activeTeams(await getDb(), ctx.organizationId);
  const today = clock.now().toISOString().slice(0, 10);
  return (
    <>
      <div className="page-head">
        <p>
          <Link href="/programs">← Programs</Link>
        </p>
        <h1>New program</h1>
        <p className="muted">A program is something you invest in — a training, a coaching cadence — whose return you want to measure.</p>
      </div>
      <section className="card">
        <ProgramForm
          teams={teams}
          values={{ id: null, name: "", description: "", startDate: today, endDate: "", averageSalary: "", participantTeamIds: [], controlTeamIds: [] }}
        />
      </section>
    </>
  );
}
