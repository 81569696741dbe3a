// What a page shows while its data loads (a route's loading.tsx): grey blocks roughly where the
// page's heading and cards will be, and a status line a screen reader announces, so a click on
// a link answers at once instead of leaving the old page on screen with no sign of life.
export function PageSkeleton({ label, cards = 2 }: { label: string; cards?: number }) {
  return (
    <div className="skeleton" aria-busy="true" data-testid="page-skeleton">
      <p role="status" className="sr-only">
        {label}
      </p>
      <div className="page-head" aria-hidden="true">
        <div className="skeleton-line skeleton-title" />
        <div className="skeleton-line" />
      </div>
      <div className="skeleton-cards" aria-hidden="true">
        {Array.from({ length: cards }, (_, i) => (
          <div key={i} className="card skeleton-card">
            <div className="skeleton-line skeleton-heading" />
            <div className="skeleton-line" />
            <div className="skeleton-line" />
            <div className="skeleton-line skeleton-short" />
          </div>
        ))}
      </div>
    </div>
  );
}
