// What next-auth's getServerSession answers for a signed-in person in integration tests that mock
// it: a real UserSession row (started on the database the app's getDb() serves), so the request
// goes through the same live-session check as a browser's (lib/auth/sessions.ts).
import { getDb } from "@/lib/db";
import { startSession } from "@/lib/auth/sessions";

export async function serverSessionOf(userId: string | null) {
  if (!userId) return null;
  const sid = await startSession(await getDb(), userId, "password");
  return { user: { id: userId, sid }, expires: "2999-01-01T00:00:00Z" };
}
