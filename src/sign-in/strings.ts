import i18next, { type i18n, type TOptions } from 'i18next';
import { locales, type Locale } from '../../contract/constants';
import { rememberLocale, syncDocumentLanguage } from '../lib/locale';
import type en from '../locales/en/sign-in.json';

/**
 * The sign-in page's strings: the `sign-in` namespace, about 1 kB of the portal's text, so the
 * page loads none of the rest (src/locales/locales.test.ts keeps its shared keys equal to the
 * portal's). i18next's core only: the page has no React to bind it to (decision 019).
 */
export type SignInStrings = typeof en;

/** Every key of the namespace as a dotted path, so a misspelt key fails the type check. */
type KeyOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeyOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type SignInKey = KeyOf<SignInStrings>;

// Each language is a chunk of its own: the page loads the one it shows, another when picked.
const loaders = import.meta.glob<SignInStrings>('../locales/*/sign-in.json', { import: 'default' });

const load = (locale: Locale) => loaders[`../locales/${locale}/sign-in.json`]!();

export type Translator = Awaited<ReturnType<typeof createTranslator>>;

/** An i18next in `locale`, its strings loaded, and text nodes that follow a change of language. */
export async function createTranslator(locale: Locale) {
  const instance: i18n = i18next.createInstance();
  await instance.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...locales],
    ns: ['sign-in'],
    defaultNS: 'sign-in',
    resources: { [locale]: { 'sign-in': await load(locale) } },
    // The page puts text in with textContent, never as HTML: nothing to escape.
    interpolation: { escapeValue: false },
  });
  syncDocumentLanguage(locale);

  // Each piece of text shown, with the node it lives in: a change of language rewrites those still
  // on the page and forgets the others (a view replaced since).
  const shown = new Map<() => void, Node>();

  const t = (key: SignInKey, options?: TOptions) => instance.t(key, options);

  return {
    t,
    get locale() {
      return instance.language as Locale;
    },
    /** Runs `update` now and after every change of language, while `node` is on the page. */
    follow(node: Node, update: () => void) {
      update();
      shown.set(update, node);
    },
    /** A text node showing `key`, in whatever language the page is in. */
    text(key: SignInKey, options?: TOptions): Text {
      const node = document.createTextNode('');
      this.follow(node, () => (node.data = t(key, options)));
      return node;
    },
    async changeLocale(next: Locale) {
      if (!instance.hasResourceBundle(next, 'sign-in')) instance.addResourceBundle(next, 'sign-in', await load(next));
      await instance.changeLanguage(next);
      rememberLocale(next);
      for (const [update, node] of shown) {
        if (node.isConnected) update();
        else shown.delete(update);
      }
    },
  };
}
