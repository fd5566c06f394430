import { startOfDay } from "../../format/time";

const DAY = 86_400_000;

/**
 * Seed times by calendar day, so the mock's conversations fall in the same date groups at any
 * hour: `at(days, back)` is a moment `days` local days ago, `back` (0 to 1) of the way back
 * from that day's end. Today ends now, so today's moments lie between midnight and now even
 * just after midnight.
 */
export function seedClock(now: number): (days: number, back: number) => number {
  const today = startOfDay(now);
  return (days, back) => {
    const fraction = Math.min(Math.max(back, 0), 0.999);
    if (days <= 0) return Math.round(now - (now - today) * fraction);
    const end = today - (days - 1) * DAY - 1;
    return Math.round(end - (DAY - 1) * fraction);
  };
}
