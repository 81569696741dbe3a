"use client";
// The browser's print dialog; the report's print stylesheet lays the page out for paper.
export function PrintButton() {
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      Print
    </button>
  );
}
