// Whether the app is on its way to another page: one count for the whole window, raised by every
// link while Next says its navigation is pending (Link.tsx, through useLinkStatus) and by every
// navigation run as a transition (the week links, the dashboard's filters and sort headers), and
// read by the one indicator (NavigationProgress.tsx). Client-side only; holds no data.
import { useEffect, useSyncExternalStore } from "react";

let pending = 0;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function change(by: number) {
  pending += by;
  for (const l of listeners) l();
}

/** True while any link or tracked transition is taking the window to another page. */
export function useNavigationPending(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => pending > 0,
    () => false,
  );
}

/** Counts this component's navigation while `isPending` is true (and stops counting it when it unmounts). */
export function useReportNavigation(isPending: boolean): void {
  useEffect(() => {
    if (!isPending) return;
    change(1);
    return () => change(-1);
  }, [isPending]);
}
