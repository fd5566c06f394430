/**
 * Backend timestamps are Unix epoch numbers. Milliseconds are expected; a value small enough
 * to be seconds is scaled, so either convention renders correctly.
 */
export function toEpochMs(timestamp: number): number {
  return timestamp < 100_000_000_000 ? timestamp * 1000 : timestamp;
}

export function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** "3.2 s", "850 ms", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

// One Intl formatter per locale and style: building one costs far more than using it, and
// list rows format dates every time they mount.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(
  kind: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind}\u0000${locale}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

export function formatClock(timestamp: number, locale: string): string {
  return formatterFor("clock", locale, { hour: "2-digit", minute: "2-digit" }).format(
    toEpochMs(timestamp),
  );
}

export function formatDate(timestamp: number, locale: string): string {
  return formatterFor("date", locale, { year: "numeric", month: "short", day: "numeric" }).format(
    toEpochMs(timestamp),
  );
}
