import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SignOutButton } from "@/app/_components/SignOutButton";

export const metadata: Metadata = { title: "Sign out" };

// Reached without JavaScript (the header's Sign out button signs out at once with it), or by its
// address. Its one button signs out: with JavaScript as the header's does; without, it posts
// next-auth's CSRF token — the token half of its cookie, which GET /api/auth/signout sets before
// sending the browser here — and lands on /sign-in.
export default async function SignOutPage() {
  const jar = await cookies();
  const csrf = jar.get("__Host-next-auth.csrf-token") ?? jar.get("next-auth.csrf-token");
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        <h1>Sign out</h1>
        <p className="muted">You can sign back in at any time; nothing you logged is lost.</p>
        <SignOutButton className="" csrfToken={csrf?.value.split(/\||%7C/i)[0] ?? ""} />
      </div>
    </div>
  );
}
