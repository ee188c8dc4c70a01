import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import { useUpdateInstall } from '../api/installs';
import { translateFieldErrors } from '../lib/field-errors';

/** Renaming also renames the attempt's service account; the commands follow. */
export function RenameForm({ attemptId, name }: { attemptId: string; name: string }) {
  const { t } = useTranslation();
  const update = useUpdateInstall(attemptId);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { name: value },
      {
        onSuccess: () => setError(null),
        onError: (e) =>
          setError(
            isApiError(e) && e.fields.name
              ? (translateFieldErrors(e.fields, t, e.code === 'conflict').name ?? null)
              : t('errors.generic'),
          ),
      },
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
      <Field
        label={t('install.choices.name')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        controlClassName="w-64"
      />
      <Button
        type="submit"
        variant="secondary"
        busy={update.isPending}
        disabled={value.trim() === name}
        className="mt-6"
      >
        {t('install.rename')}
      </Button>
    </form>
  );
}
