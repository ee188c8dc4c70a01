import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { locales } from '../../../../contract/constants';
import { updateTeamSettingsInputSchema } from '../../../../contract/team';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import { useTeamSettings, useUpdateTeamSettings } from '../api/team-settings';
import { languageNames } from '../lib/language-names';

/** The team's language (admins), which invitation emails are written in; a refusal is said under the field. */
export function TeamLanguageForm() {
  const { t } = useTranslation();
  const { locale } = useTeamSettings();
  const update = useUpdateTeamSettings();
  const [invalid, setInvalid] = useState(false);
  const names = languageNames(t);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateTeamSettingsInputSchema.safeParse({ locale: new FormData(event.currentTarget).get('locale') });
    setInvalid(!parsed.success);
    if (parsed.success) update.mutate(parsed.data);
  }

  const error = invalid
    ? t('team.language.errors.invalid')
    : update.error
      ? isApiError(update.error) && update.error.fields.locale
        ? t('team.language.errors.invalid')
        : t('team.language.errors.saveFailed')
      : null;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <Select
          key={locale}
          label={t('team.language.label')}
          hint={t('team.language.hint')}
          name="locale"
          defaultValue={locale}
          error={error}
          onChange={() => update.reset()}
        >
          {locales.map((value) => (
            <option key={value} value={value}>
              {names[value]}
            </option>
          ))}
        </Select>
        <Button type="submit" busy={update.isPending} className="mt-11">
          {t('team.language.save')}
        </Button>
      </div>
      {/* Always there, so the confirmation is announced when it appears. */}
      <p role="status" className="text-sm text-slate-700">
        {update.isSuccess && t('team.language.saved', { language: names[update.data.locale] })}
      </p>
    </form>
  );
}
