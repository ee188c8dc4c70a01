const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Bytes in the largest unit that keeps the number at or above 1 (decimal units, as file managers show). */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}

/** A duration in seconds as the two largest units Intl can say (e.g. "2 min, 5 sec"). */
export function formatSeconds(seconds: number, locale: string): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const parts: [number, Intl.NumberFormatOptions['unit']][] =
    h > 0
      ? [
          [h, 'hour'],
          [m, 'minute'],
        ]
      : m > 0
        ? [
            [m, 'minute'],
            [s, 'second'],
          ]
        : [[s, 'second']];
  return parts
    .map(([n, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n))
    .join(', ');
}
