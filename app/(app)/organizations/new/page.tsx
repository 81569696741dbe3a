import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { timeZoneChoices } from "@/lib/schemas/organization";
import { NewOrganizationForm } from "./NewOrganizationForm";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  await requirePageContext();
  return (
    <>
      <div className="page-head">
        <h1>Create another organization</h1>
        <p className="muted">You will be its owner. Your other organizations stay as they are; switch between them from the header.</p>
      </div>
      <div className="card" style={{ maxWidth: "36rem" }}>
        <NewOrganizationForm timeZones={timeZoneChoices()} />
      </div>
    </>
  );
}
