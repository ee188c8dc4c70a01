import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createServiceAccountInputSchema,
  SERVICE_ACCOUNT_NAME_MAX_LENGTH,
} from '../../../../contract/service-accounts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-client';
import { useCreateServiceAccount } from '../api/service-accounts';
import type { ShownToken } from './new-token';

type Errors = { name?: string; expiresOn?: string; form?: string };

/** The day after today in the browser's calendar, the earliest expiry the form offers. */
const tomorrow = () => {
  const day = new Date();
  day.setDate(day.getDate() + 1);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
};

/** Name and optional expiry, checked by the contract's schema here and again by the BFF. */
export function CreateServiceAccountForm({ onCreated }: { onCreated: (shown: ShownToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateServiceAccount();
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  function nameError(value: string) {
    const trimmed = value.trim();
    if (!trimmed) return t('team.serviceAccounts.errors.nameRequired');
    if (trimmed.length > SERVICE_ACCOUNT_NAME_MAX_LENGTH) {
      return t('team.serviceAccounts.errors.nameTooLong', { max: SERVICE_ACCOUNT_NAME_MAX_LENGTH });
    }
    return t('team.serviceAccounts.errors.nameCharacters');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { name, expiresOn: expiresOn || undefined };
    const parsed = createServiceAccountInputSchema.safeParse(input);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      setErrors({
        name: fields.has('name') ? nameError(name) : undefined,
        expiresOn: fields.has('expiresOn') ? t('team.serviceAccounts.errors.expiryInvalid') : undefined,
      });
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: ({ serviceAccount, token }) => {
        setErrors({});
        setName('');
        setExpiresOn('');
        onCreated({ name: serviceAccount.name, token, rotated: false });
      },
      onError: (error) => {
        const fields = isApiError(error) ? error.fields : {};
        if (isApiError(error, 'conflict') && fields.name) {
          setErrors({ name: t('team.serviceAccounts.errors.nameTaken') });
        } else if (fields.expiresOn) setErrors({ expiresOn: t('team.serviceAccounts.errors.expiryPast') });
        else if (fields.name) setErrors({ name: nameError(name) });
        else setErrors({ form: t('errors.generic') });
      },
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="create-service-account-title"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h3 id="create-service-account-title" className="text-base font-semibold text-slate-900">
        {t('team.serviceAccounts.create.title')}
      </h3>
      <div className="flex flex-wrap items-start gap-4">
        <Field
          label={t('team.serviceAccounts.create.name')}
          hint={t('team.serviceAccounts.create.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoComplete="off"
          controlClassName="w-64"
        />
        <Field
          type="date"
          label={t('team.serviceAccounts.create.expiry')}
          hint={t('team.serviceAccounts.create.expiryHint')}
          value={expiresOn}
          min={tomorrow()}
          onChange={(e) => setExpiresOn(e.target.value)}
          error={errors.expiresOn}
        />
      </div>
      {errors.form && <Alert>{errors.form}</Alert>}
      <Button type="submit" busy={create.isPending}>
        {t('team.serviceAccounts.create.submit')}
      </Button>
    </form>
  );
}
