import type { Locale } from '../../contract/constants';
import { createI18n } from '../lib/i18n';
import de from '../locales/de/portal.json';
import en from '../locales/en/portal.json';

/** An i18next for tests, with every language's strings at hand, as switching would load them. */
export const testI18n = (locale: Locale = 'en') => createI18n(locale, { en, de });
