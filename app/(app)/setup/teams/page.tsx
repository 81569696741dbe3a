import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { setupWizard } from "@/lib/views/setup";
import { SetupFrame } from "../SetupFrame";
import { TeamsForm } from "./TeamsForm";

export const metadata: Metadata = { title: "Set up: teams" };

export default async function SetupTeamsPage() {
  const ctx = await requirePageContext();
  const { teams } = await pageData(setupWizard(await getDb(), ctx));
  return (
    <SetupFrame step="teams" next="lead" canContinue={teams.length > 0} intro="Which teams will log their weekly activity? Add at least one; you can add and rename teams later in Settings.">
      <section className="card" style={{ maxWidth: "40rem" }}>
        {teams.length > 0 ? (
          <p>
            Your teams: <strong>{teams.map((t) => t.name).join(", ")}</strong>
          </p>
        ) : null}
        <TeamsForm hasTeams={teams.length > 0} />
      </section>
    </SetupFrame>
  );
}
