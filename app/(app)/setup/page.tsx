import { redirect } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { setupWizard } from "@/lib/views/setup";

/** The wizard resumes at the step where the organization stopped. */
export default async function SetupPage() {
  const ctx = await requirePageContext();
  const wizard = await pageData(setupWizard(await getDb(), ctx));
  redirect(`/setup/${wizard.step}`);
}
