import type { Metadata } from "next";
import { LagMeasureForm } from "@/app/(app)/measures/lag/[id]/LagMeasureForm";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { lagGoalText } from "@/lib/domain/status";
import { pageData } from "@/lib/http/page";
import { setupWizard } from "@/lib/views/setup";
import { AddedList } from "../AddedList";
import { SetupFrame } from "../SetupFrame";

export const metadata: Metadata = { title: "Set up: lag measures" };

export default async function SetupLagPage() {
  const ctx = await requirePageContext();
  const wizard = await pageData(setupWizard(await getDb(), ctx));
  const { locale } = ctx.organization;
  return (
    <SetupFrame
      step="lag"
      next="invite"
      canContinue={wizard.lag.length > 0}
      intro="Lag measures are the results that matter, written as a goal: from X to Y by when. Tick the lead measures meant to drive each one; Leadlag will test whether they really do."
    >
      <div className="grid">
        <section className="card" aria-labelledby="add-lag">
          <h2 id="add-lag">Add a lag measure</h2>
          <LagMeasureForm
            key={wizard.lag.length}
            measure={null}
            teams={wizard.teams}
            people={wizard.people}
            leadMeasures={wizard.lead.map((m) => ({ id: m.id, name: m.name }))}
            templates={wizard.lagTemplates}
            today={wizard.today}
            inSetup
          />
        </section>
        <AddedList
          items={wizard.lag.map((m) => ({
            id: m.id,
            name: m.name,
            detail:
              lagGoalText(m, locale) +
              (m.drivers.length ? ` · driven by ${m.drivers.map((d) => d.name).join(", ")}` : ""),
          }))}
        />
      </div>
    </SetupFrame>
  );
}
