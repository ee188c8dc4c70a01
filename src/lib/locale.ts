import { locales, type Locale } from '../../contract/constants';

/**
 * The user's language choice, kept in this browser. Free of i18next's React binding, so the
 * sign-in page (src/sign-in/, decision 019) and the SPA read and write the one same choice.
 */
const STORAGE_KEY = 'portico.locale';

/** Language names are written in their own language, so anyone can find theirs. */
export const languageNames: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The saved choice, else the browser's language when we have it, else English. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

/** Saves the choice, and tells the browser (and screen readers) which language the page is in. */
export function rememberLocale(locale: Locale) {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  syncDocumentLanguage(locale);
}

export function syncDocumentLanguage(locale: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
