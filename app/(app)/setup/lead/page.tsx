import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { LeadMeasureForm } from "@/app/(app)/measures/lead/[id]/LeadMeasureForm";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/domain/format";
import { pageData } from "@/lib/http/page";
import { setupWizard } from "@/lib/views/setup";
import { AddedList } from "../AddedList";
import { SetupFrame } from "../SetupFrame";

export const metadata: Metadata = { title: "Set up: lead measures" };

export default async function SetupLeadPage() {
  const ctx = await requirePageContext();
  const wizard = await pageData(setupWizard(await getDb(), ctx));
  const { locale } = ctx.organization;
  return (
    <SetupFrame
      step="lead"
      next="lag"
      canContinue={wizard.lead.length > 0}
      intro="Lead measures are the few activities your teams control that predict the result you want: pick one from a template or write your own, with a weekly target for each team."
    >
      <div className="grid">
        <section className="card" aria-labelledby="add-lead">
          <h2 id="add-lead">Add a lead measure</h2>
          {wizard.teams.length === 0 ? (
            <p className="empty">
              Add a team first: <Link href="/setup/teams">teams</Link>.
            </p>
          ) : (
            <LeadMeasureForm key={wizard.lead.length} measure={null} teams={wizard.teams} people={wizard.people} templates={wizard.leadTemplates} inSetup />
          )}
        </section>
        <AddedList
          items={wizard.lead.map((m) => ({
            id: m.id,
            name: m.name,
            detail: m.teams.map((t) => `${t.teamName}: ${formatNumber(t.weeklyTarget, locale, 2)} a week`).join(" · ") || "no team yet",
          }))}
        />
      </div>
    </SetupFrame>
  );
}
