import { useTranslation } from 'react-i18next';
import { locales } from '../../contract/constants';
import { Select } from '../components/ui/field';
import { changeLocale } from '../lib/i18n';
import { isLocale, languageNames } from '../lib/locale';
import { useUpdatePreferences } from './session/preferences';

/** Switches the UI at once; for a signed-in user the choice is also saved to their account. */
export function LanguageSelect({ signedIn, className = '' }: { signedIn: boolean; className?: string }) {
  const { t, i18n } = useTranslation();
  const updatePreferences = useUpdatePreferences();
  return (
    <Select
      inline
      label={t('settings.language.label')}
      className={className}
      value={i18n.language}
      onChange={async (event) => {
        const locale = event.target.value;
        if (!isLocale(locale)) return;
        await changeLocale(i18n, locale);
        if (signedIn) updatePreferences.mutate({ locale });
      }}
    >
      {locales.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {languageNames[locale]}
        </option>
      ))}
    </Select>
  );
}
