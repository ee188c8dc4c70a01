import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
] as const;

/** Durations and ratios in the user's language: "1 day, 2 hr", "99.5%". */
export function useDurationFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const units = UNITS.map(
      ([unit, ms]) => [new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }), ms] as const,
    );
    const list = new Intl.ListFormat(lang, { style: 'narrow', type: 'unit' });
    const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    return {
      /** The two largest units, or minutes (at least zero) for a short span. */
      duration(ms: number) {
        let rest = Math.max(0, ms);
        const parts: string[] = [];
        for (const [format, size] of units) {
          const count = Math.floor(rest / size);
          rest -= count * size;
          if (count > 0 && parts.length < 2) parts.push(format.format(count));
        }
        return parts.length ? list.format(parts) : units[2]![0].format(0);
      },
      percent: (ratio: number) => percent.format(ratio),
    };
  }, [lang]);
}
