import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const styles = {
  date: { dateStyle: 'long' },
  dateTime: { dateStyle: 'medium', timeStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// One formatter per language and style for the page's life. The first Intl.NumberFormat or
// Intl.DateTimeFormat a page makes costs Chromium 25–50 ms (four times that on Lighthouse's
// phone): V8 builds its table of the locales ICU knows. Made in a render, that time was the
// longest task of the dashboard and the install attempt page; a worker now pays it (warmUp,
// decision 022), and warmFormatters makes the page's own formatters after it (decision 020).
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: string) {
  let format = numbers.get(lang);
  if (!format) numbers.set(lang, (format = new Intl.NumberFormat(lang)));
  return format;
}

function dateFormat(lang: string, style: keyof typeof styles) {
  const key = `${lang} ${style}`;
  let format = dates.get(key);
  if (!format) dates.set(key, (format = new Intl.DateTimeFormat(lang, styles[style])));
  return format;
}

/**
 * Makes the language's formatters while the page's code and data are still on the way and the
 * main thread has nothing else to do, so the first render does not. One a task: where no worker
 * paid for the locale table first, the first pays for it, and the others do not lengthen its task.
 */
export function warmFormatters(lang: string) {
  const steps = [() => numberFormat(lang), () => dateFormat(lang, 'date'), () => dateFormat(lang, 'dateTime')];
  const next = () => {
    steps.shift()?.();
    if (steps.length) setTimeout(next);
  };
  setTimeout(next);
}

/** Dates and numbers through Intl, in the language the user chose. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      date: (iso: string) => dateFormat(lang, 'date').format(new Date(iso)),
      dateTime: (iso: string) => dateFormat(lang, 'dateTime').format(new Date(iso)),
      number: (n: number) => numberFormat(lang).format(n),
    }),
    [lang],
  );
}
