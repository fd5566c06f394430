// Medians, percentiles and the "median (min-max)" lines the app bench prints.

export const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1];
};
export const pct = (v, p) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.max(1, Math.ceil((p / 100) * s.length)) - 1];
};
export const spread = (v, digits = 0) =>
  `${median(v).toFixed(digits)} (${Math.min(...v).toFixed(digits)}-${Math.max(...v).toFixed(digits)})`;
// WebKit's clock has 1 ms resolution: a 60 Hz frame (16.7 ms) reads 16 or 17. Longer is late.
const LATE_MS = 17;
export const frameStats = (d) => ({
  p50: pct(d, 50),
  p95: pct(d, 95),
  max: Math.max(...d),
  late: d.filter((ms) => ms > LATE_MS).length,
  n: d.length,
});
export const frameLine = (runs) =>
  ["p50", "p95", "max"]
    .map(
      (k) =>
        `${k} ${spread(
          runs.map((r) => r[k]),
          1,
        )} ms`,
    )
    .join(", ") +
  `, late (> ${LATE_MS} ms) ${spread(runs.map((r) => r.late))}` +
  `  [${runs.map((r) => r.n).join("/")} frames]` +
  (runs.every((r) => typeof r.steal === "number")
    ? `  host steal ${runs.map((r) => r.steal.toFixed(1)).join("/")} %`
    : "");
// The window's painted frames (painted.mjs): µs resolution, so a tenth of a ms is shown.
export const paintedLine = (runs) =>
  ["p50", "p95", "max"].map((k) => `${k} ${spread(runs.map((r) => r[k]), 1)} ms`).join(", ") +
  `, missed a frame (> 25 ms) ${spread(runs.map((r) => r.late))}` +
  `  [${runs.map((r) => r.n).join("/")} frames]` +
  `\n            p95 by run ${runs.map((r) => r.p95.toFixed(1)).join("/")} ms;` +
  ` by the wall clock of each paint, p95 ${spread(
    runs.map((r) => r.wallP95),
    1,
  )} ms`;
