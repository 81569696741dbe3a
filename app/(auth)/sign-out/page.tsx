import type { Metadata } from "next";
import { cookies } from "next/headers";

export const metadata: Metadata = { title: "Sign out" };

// Reached without JavaScript (the header's Sign out button signs out at once with it), or by its
// address. One button posts next-auth's CSRF token — the token half of its cookie, which
// GET /api/auth/signout sets before sending the browser here — and lands on /sign-in.
export default async function SignOutPage() {
  const jar = await cookies();
  const csrf = jar.get("__Host-next-auth.csrf-token") ?? jar.get("next-auth.csrf-token");
  const csrfToken = csrf?.value.split("|")[0] ?? "";
  return (
    <main className="auth-wrap">
      <div className="card auth-card">
        <h1>Sign out</h1>
        <p className="muted">You can sign back in at any time; nothing you logged is lost.</p>
        <form method="post" action="/api/auth/signout">
          <input type="hidden" name="csrfToken" value={csrfToken} />
          <input type="hidden" name="callbackUrl" value="/sign-in" />
          <button type="submit">Sign out</button>
        </form>
      </div>
    </main>
  );
}
