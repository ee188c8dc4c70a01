import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '../../../../contract/constants';
import { changeLocale, isLocale } from '../../../lib/i18n';
import { useUpdatePreferences } from '../api/preferences';

/** Language names are written in their own language, so anyone can find theirs. */
const languageNames: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

/** Switches the UI at once; for a signed-in user the choice is also saved to their account. */
export function LanguageSelect({ signedIn, className = '' }: { signedIn: boolean; className?: string }) {
  const { t, i18n } = useTranslation();
  const updatePreferences = useUpdatePreferences();
  const id = useId();
  return (
    <div className={`flex items-center gap-2 text-sm ${className}`}>
      <label htmlFor={id} className="font-semibold">
        {t('settings.language.label')}
      </label>
      <select
        id={id}
        value={i18n.language}
        onChange={async (event) => {
          const locale = event.target.value;
          if (!isLocale(locale)) return;
          await changeLocale(i18n, locale);
          if (signedIn) updatePreferences.mutate({ locale });
        }}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-900"
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {languageNames[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
