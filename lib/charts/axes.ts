// The axis and legend options every chart of the app shares, so each stays legible from a phone
// (360 px) to a wide screen: labels along the bottom axis tilt up to 45° before chart.js skips
// some (never overlapping), no axis carries more than a dozen labels, and value axes keep to six
// gridlines. Charts spread these into their own `scales` and `plugins.legend`.

/** A category (time) axis: weeks, months, quarters. */
export const CATEGORY_TICKS = { autoSkip: true, autoSkipPadding: 8, minRotation: 0, maxRotation: 45, maxTicksLimit: 12 } as const;

/** A value axis. */
export const VALUE_TICKS = { maxTicksLimit: 6 } as const;

/** The legend under the chart, with small swatches so entries fit two to a line on a phone. */
export const LEGEND = { position: "bottom", labels: { boxWidth: 12, boxHeight: 8 } } as const;
