import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and numbers through Intl, in the language the user chose. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
    const number = new Intl.NumberFormat(lang);
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    return {
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      number: (n: number) => number.format(n),
    };
  }, [lang]);
}
