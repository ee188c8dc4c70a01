import { locales, type Locale } from '../../contract/constants';
import type { Manifest } from './route-preloads';

/** The strings each kind of page renders with: the SPA's, or the sign-in page's (decision 019). */
export type StringsOf = 'portal' | 'sign-in';

/**
 * The language a page will most likely show: what `initialLocale` (src/lib/locale.ts) picks for
 * a browser without a saved choice, its first language, else English. Accept-Language lists the
 * languages navigator.languages does, the one navigator.language names first. A saved choice the
 * host cannot see (it is in localStorage) only makes the preload a wasted one; the page loads
 * its own language as it always has.
 */
export function likelyLocale(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return locales.find((locale) => locale === first) ?? 'en';
}

/**
 * `<link rel="modulepreload">` for the chunk of a language's strings. A page renders nothing until
 * its strings are there, and its entry asks for them only once the framework has downloaded and
 * run: asked for with the HTML, they come beside the framework instead (issue 11). No manifest,
 * or no chunk for the strings: no tag.
 */
export function stringPreloads(manifest: Manifest | null): (strings: StringsOf, locale: Locale) => string {
  return (strings, locale) => {
    const chunk = manifest?.[`src/locales/${locale}/${strings}.json`];
    return chunk ? `<link rel="modulepreload" crossorigin href="/${chunk.file}">` : '';
  };
}
