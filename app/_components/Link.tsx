"use client";
// The app's link: next/link, and while Next is fetching the page it leads to (a server page can
// take a second or more at scale) it says so to the one navigation indicator
// (NavigationProgress.tsx). Use it for every in-app link (a lint rule keeps next/link out of
// everything else), so every click that is taken shows that it was.
import NextLink, { useLinkStatus } from "next/link";
import type { ComponentProps } from "react";
import { useReportNavigation } from "./navigationPending";

/** Renders nothing: useLinkStatus reads the status of the link it sits in. */
function ReportPending() {
  useReportNavigation(useLinkStatus().pending);
  return null;
}

export default function Link({ children, ...props }: ComponentProps<typeof NextLink>) {
  return (
    <NextLink {...props}>
      {children}
      <ReportPending />
    </NextLink>
  );
}
