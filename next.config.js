// @ts-check

/** The public URL's host (NEXTAUTH_URL, read when the server starts), if it is set and valid. */
function publicHost() {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : undefined;
  } catch {
    return undefined;
  }
}
const host = publicHost();

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Parallel browser-test runs (see scripts/e2e-server.ts) build into their own folders.
  distDir: process.env.LEADLAG_DIST_DIR || ".next",
  // PGlite opens its data directory with node:fs and a wasm file next to its module, the
  // argon2 binding is a native module: all of them must be loaded from node_modules as-is,
  // not bundled (PLATFORM.md: Turbopack breaks PGlite otherwise). The same holds for the report
  // PDF: pdfkit and fontkit read data files relative to their own folders, and the chart canvas
  // (@napi-rs/canvas) is a native addon. pg-boss (the job queue, started by instrumentation.ts)
  // runs as published, on the same pg and PGlite as the app.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "pg-boss", "@prisma/adapter-pg", "pdfkit", "fontkit", "@napi-rs/canvas"],
  // `npm test` type-checks the whole tree (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // Next runs a server action only when its Origin names the Host (or X-Forwarded-Host) it was
    // sent to; behind a reverse proxy that passes its own upstream Host (nginx's default), the
    // app's own actions would fail. The public URL's host is ours; proxy.ts has already refused
    // every other origin with a 403.
    ...(host ? { serverActions: { allowedOrigins: [host] } } : {}),
  },
};

export default nextConfig;
