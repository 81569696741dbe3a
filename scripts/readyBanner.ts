// The line `npm start` prints once the server takes connections: where to go and, when the demo
// is seeded on start, every demo account (lib/seed/demo/catalogue.ts DEMO_USERS) to sign in with.
import { DEMO_ORG_NAME, DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo/catalogue";

export function readyBanner(url: string, demo: boolean): string {
  const lines = [`▸ Leadlag is ready: ${url}`];
  if (demo) {
    const users = Object.values(DEMO_USERS);
    const width = Math.max(...users.map((u) => u.email.length));
    lines.push(`  Demo organization "${DEMO_ORG_NAME}", password ${DEMO_PASSWORD} for every account:`);
    for (const u of users) lines.push(`    ${u.email.padEnd(width)}  ${u.role.toLowerCase().padEnd(8)} ${u.name}`);
  }
  return lines.join("\n");
}
