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
 * values from the page). Several paints in one frame (one per damaged region) count once.
 */
export function paintedIntervals(file, fromMs, toMs) {
  if (!existsSync(file)) return [];
  const times = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [wall, frame] = line.split(" ").map(Number);
    if (!(wall >= fromMs * 1000 && wall <= toMs * 1000)) continue;
    if (times.at(-1) !== frame) times.push(frame);
  }
  return times.slice(1).map((t, i) => (t - times[i]) / 1000);
}

/** p50/p95/max of painted intervals, frames that took longer than one period, and the count. */
export function paintedStats(intervals) {
  if (intervals.length === 0) return null;
  return {
    p50: pct(intervals, 50),
    p95: pct(intervals, 95),
    max: Math.max(...intervals),
    late: intervals.filter((ms) => ms > MISSED_MS).length,
    n: intervals.length,
  };
}
