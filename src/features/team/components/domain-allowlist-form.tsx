import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateDomainAllowlistInputSchema } from '../../../../contract/team';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { useAllowlist, useUpdateAllowlist } from '../api/invites';

/** The domains invites may go to; off, any domain may be invited. Existing members are untouched. */
export function DomainAllowlistForm() {
  const { t } = useTranslation();
  const { domains } = useAllowlist();
  const update = useUpdateAllowlist();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('domains') ?? '');
    const list = text.split(/[\s,]+/).filter(Boolean);
    const parsed = updateDomainAllowlistInputSchema.safeParse({ domains: list });
    if (!parsed.success) {
      setError(t(list.length ? 'team.allowlist.errors.domain' : 'team.allowlist.errors.empty'));
      return;
    }
    setError(null);
    update.mutate({ on: true, domains: parsed.data.domains });
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="allowlist-heading" className="space-y-3">
      <h3 id="allowlist-heading" className="text-base font-semibold text-slate-900">
        {t('team.allowlist.title')}
      </h3>
      <p className="text-sm text-slate-700">
        {domains ? t('team.allowlist.on', { domains: domains.join(', ') }) : t('team.allowlist.off')}
      </p>
      {update.isError && <Alert>{t('errors.generic')}</Alert>}
      <div className="flex flex-wrap items-start gap-3">
        <Field
          key={domains?.join(',') ?? ''}
          label={t('team.allowlist.domains')}
          hint={t('team.allowlist.hint')}
          name="domains"
          defaultValue={domains?.join(', ') ?? ''}
          error={error}
          controlClassName="w-72"
        />
        <Button type="submit" busy={update.isPending} className="mt-11">
          {t('team.allowlist.save')}
        </Button>
        {domains && (
          <Button
            variant="secondary"
            busy={update.isPending}
            className="mt-11"
            onClick={() => update.mutate({ on: false })}
          >
            {t('team.allowlist.turnOff')}
          </Button>
        )}
      </div>
    </form>
  );
}
