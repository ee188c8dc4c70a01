import type { TFunction } from 'i18next';
import type { Locale } from '../../../../contract/constants';

/** Each language's name in the language of `t`. A Record, so a new locale cannot go unnamed. */
export const languageNames = (t: TFunction): Record<Locale, string> => ({
  en: t('team.language.names.en'),
  de: t('team.language.names.de'),
});
