"use client";
// The last resort, when even the root layout failed: a page of its own (it replaces the layout),
// with a retry and no stack.
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "32rem", margin: "15vh auto", padding: "0 1rem" }}>
        <h1>Leadlag could not load this page</h1>
        <p>The server may be busy. Please try again in a few seconds.</p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </body>
    </html>
  );
}
