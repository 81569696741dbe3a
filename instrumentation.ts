// Runs once when the Next.js server starts: validate the environment even when the server is
// started with `next start` directly rather than `npm start`, so a bad value fails at once.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    env();
  }
}
