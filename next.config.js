// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Parallel browser-test runs (see scripts/e2e-server.ts) build into their own folders.
  distDir: process.env.LEADLAG_DIST_DIR || ".next",
  // PGlite opens its data directory with node:fs and a wasm file next to its module, the
  // argon2 binding is a native module: all of them must be loaded from node_modules as-is,
  // not bundled (PLATFORM.md: Turbopack breaks PGlite otherwise). The same holds for the report
  // PDF: pdfkit and fontkit read data files relative to their own folders, and the chart canvas
  // (@napi-rs/canvas) is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "@prisma/adapter-pg", "pdfkit", "fontkit", "@napi-rs/canvas"],
  // `npm test` type-checks the whole tree (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
