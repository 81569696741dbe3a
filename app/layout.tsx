import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";
import { NavigationProgress } from "./_components/NavigationProgress";

export const metadata: Metadata = {
  title: { default: "Leadlag", template: "%s · Leadlag" },
  description: "Lead measures, lag targets and the ROI of your service program.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so its scripts carry that request's CSP nonce (proxy.ts):
  // a page prerendered at build time would have none, and its scripts would not run.
  await connection();
  return (
    <html lang="en">
      <body>
        <NavigationProgress />
        {children}
      </body>
    </html>
  );
}
