import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '../../contract/constants';
import de from '../locales/de/portal.json';
import en from '../locales/en/portal.json';

const STORAGE_KEY = 'portico.locale';
export const resources = { en: { portal: en }, de: { portal: de } } as const;

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** The saved choice, else the browser's language when we have it, else English. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

export function createI18n(lng: Locale = initialLocale()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...locales],
    ns: ['portal'],
    defaultNS: 'portal',
    resources,
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
  });
  syncDocumentLanguage(lng);
  return instance;
}

export async function changeLocale(instance: i18n, locale: Locale) {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  await instance.changeLanguage(locale);
  syncDocumentLanguage(locale);
}

function syncDocumentLanguage(locale: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
