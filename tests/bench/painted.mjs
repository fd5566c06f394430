// Frames the user saw: the app's paints of its window, logged by the app itself when
// PORTICO_FRAME_LOG names a file (src-tauri/src/frame_log.rs), one line per paint:
// `<wall-clock µs> <GTK frame-clock µs>`. Unlike the page's clock, these have µs resolution
// and count only frames that reached the window.
import { existsSync, readFileSync } from "node:fs";
import { pct } from "./stats.mjs";

// GTK's frame clock without a display rate to follow (Xvfb) paces frames at 60 Hz.
export const FRAME_MS = 1000 / 60;
// An interval this long means at least one frame period went by with nothing painted.
const MISSED_MS = FRAME_MS * 1.5;

/**
 * Intervals in ms between the frames painted from wall-clock `fromMs` to `toMs` (Date.now()
 * values from the page), by GTK's frame clock and by the wall clock. Several paints in one
 * frame (one per damaged region) count once.
 */
export function paintedIntervals(file, fromMs, toMs) {
  const frames = [];
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const [wall, frame] = line.split(" ").map(Number);
      if (!(wall >= fromMs * 1000 && wall <= toMs * 1000)) continue;
      if (frames.at(-1)?.frame !== frame) frames.push({ wall, frame });
    }
  }
  const gaps = (key) => frames.slice(1).map((f, i) => (f[key] - frames[i][key]) / 1000);
  // GTK's frame time is its schedule (a paint a little late still counts as that frame);
  // the wall clock of each paint shows the jitter around it.
  return { intervals: gaps("frame"), wall: gaps("wall") };
}

/**
 * p50/p95/max of painted intervals, frames that took longer than one period, the count, and
 * the p95 of the wall-clock intervals between the same paints.
 */
export function paintedStats({ intervals, wall }) {
  if (intervals.length === 0) return null;
  return {
    wallP95: pct(wall, 95),
    p50: pct(intervals, 50),
    p95: pct(intervals, 95),
    max: Math.max(...intervals),
    late: intervals.filter((ms) => ms > MISSED_MS).length,
    n: intervals.length,
  };
}
