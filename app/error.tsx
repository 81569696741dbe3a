"use client";
// What a page shows when rendering it failed. Production hides the error's details from the
// browser; an UnavailableError (database saturated or away, lib/errors.ts) keeps its digest, so
// that case says "busy, try again" — and anything else still offers a retry and no stack.
import Link from "@/app/_components/Link";
import { UNAVAILABLE_DIGEST } from "@/lib/errors";

export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const busy = error.digest === UNAVAILABLE_DIGEST;
  return (
    <main>
      <div className="card" role="alert">
        <h1>{busy ? "Leadlag is busy right now" : "This page could not be loaded"}</h1>
        <p className="muted">
          {busy
            ? "Too many people are using it at this moment. Nothing is lost: please try again in a few seconds."
            : "Something went wrong on our side. Trying again often helps; if it keeps happening, tell your admin the reference below."}
        </p>
        <div className="row">
          <button type="button" onClick={() => retry()}>
            Try again
          </button>
          <Link className="button secondary" href="/">
            Back to your teams
          </Link>
        </div>
        {!busy && error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
      </div>
    </main>
  );
}
