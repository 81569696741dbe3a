"use client";
// "Download CSV" and "Download PNG" for a chart: the CSV holds the charted numbers (the same
// rows as the table alternative), the PNG is the canvas as drawn.
import type { RefObject } from "react";
import { fileSlug, toCsv } from "@/lib/charts/download";

function save(href: string, name: string) {
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function ChartDownloads({
  title,
  header,
  rows,
  canvasRef,
}: {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
  /** The chart's canvas, for the PNG; omit for charts drawn without canvas. */
  canvasRef?: RefObject<HTMLCanvasElement | null>;
}) {
  const slug = fileSlug(title);
  return (
    <div className="row" style={{ gap: "0.75rem" }}>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" }));
          save(url, `${slug}.csv`);
          setTimeout(() => URL.revokeObjectURL(url), 1000);
        }}
      >
        Download CSV
      </button>
      {canvasRef ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            const canvas = canvasRef.current;
            if (canvas) save(canvas.toDataURL("image/png"), `${slug}.png`);
          }}
        >
          Download PNG
        </button>
      ) : null}
    </div>
  );
}
