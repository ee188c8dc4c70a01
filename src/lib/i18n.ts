import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '../../contract/constants';
import type en from '../locales/en/portal.json';
import { initialLocale, rememberLocale, syncDocumentLanguage } from './locale';

/** The portal's strings in one language (every language has the same keys; a test checks). */
export type PortalStrings = typeof en;
export type PortalBundles = Partial<Record<Locale, PortalStrings>>;

// Each language is a chunk of its own: a page loads only the language it shows (the dashboard's
// script budget, docs/performance.md), and another only when the user picks it.
const stringLoaders = import.meta.glob<PortalStrings>('../locales/*/portal.json', { import: 'default' });

export function loadPortalStrings(locale: Locale): Promise<PortalStrings> {
  const load = stringLoaders[`../locales/${locale}/portal.json`];
  if (!load) throw new Error(`no strings for ${locale}`);
  return load();
}

/**
 * The SPA's i18next, in the language the user would expect, once its strings have loaded (or
 * from strings already asked for, so that they load while the page does other work first).
 */
export async function prepareI18n(
  lng: Locale = initialLocale(),
  strings: Promise<PortalStrings> = loadPortalStrings(lng),
): Promise<i18n> {
  return createI18n(lng, { [lng]: await strings });
}

/** An i18next over strings already at hand (tests pass every language's). */
export function createI18n(lng: Locale, bundles: PortalBundles): i18n {
  const resources = Object.fromEntries(Object.entries(bundles).map(([locale, portal]) => [locale, { portal }]));
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
  if (!instance.hasResourceBundle(locale, 'portal')) {
    instance.addResourceBundle(locale, 'portal', await loadPortalStrings(locale));
  }
  await instance.changeLanguage(locale);
  rememberLocale(locale);
}
