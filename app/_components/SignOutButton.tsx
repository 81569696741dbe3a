"use client";
// Sign out in one click: fetch next-auth's CSRF token, post it to its sign-out endpoint and land
// on /sign-in (what next-auth/react's signOut() does, without its client code on every page: the
// header is on every page, and the program page's first load was 0.2 kB over its 170 kB budget). Without JavaScript the header's form goes to next-auth's GET /api/auth/signout, which
// sets that token's cookie and sends the browser to /sign-out; there (`csrfToken` given) the form
// posts the token itself.
import { useState } from "react";

async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
  });
  if (!res.ok) throw new Error(`sign-out answered ${res.status}`);
}

export function SignOutButton({ className = "link-button", csrfToken }: { className?: string; csrfToken?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <form
      action="/api/auth/signout"
      method={csrfToken === undefined ? "get" : "post"}
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        // Signed out: to sign-in. Should the request fail, the page without JavaScript's way does it.
        // A whole page load, not a client-side move: nothing of the signed-in pages stays in the router's cache.
        const go = (to: string) => window.location.assign(to);
        signOut().then(
          () => go("/sign-in"),
          () => go("/api/auth/signout"),
        );
      }}
    >
      {csrfToken === undefined ? null : (
        <>
          <input type="hidden" name="csrfToken" value={csrfToken} />
          <input type="hidden" name="callbackUrl" value="/sign-in" />
        </>
      )}
      <button type="submit" className={className} disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}
