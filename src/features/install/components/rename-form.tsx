import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useUpdateInstall } from '../api/installs';
import { translateFieldErrors } from '../lib/field-errors';

/** Renaming also renames the attempt's service account; the commands follow. */
export function RenameForm({ attemptId, name }: { attemptId: string; name: string }) {
  const { t } = useTranslation();
  const update = useUpdateInstall(attemptId);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
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
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
          {t('install.choices.name')}
        </label>
        <input
          id={id}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 block w-64 rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <Button type="submit" variant="secondary" busy={update.isPending} disabled={value.trim() === name}>
        {t('install.rename')}
      </Button>
      {error && (
        <p id={`${id}-error`} className="w-full text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
