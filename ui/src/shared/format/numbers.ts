// Building an Intl formatter costs far more than using one (ICU data is loaded per instance):
// keep one per locale, since message rows format numbers every time they mount.
const counts = new Map<string, Intl.NumberFormat>();

export function formatCount(value: number, locale: string): string {
  let format = counts.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    counts.set(locale, format);
  }
  return format.format(value);
}
