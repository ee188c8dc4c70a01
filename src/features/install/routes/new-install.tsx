import type { QueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  allowedNetworks,
  createInstallInputSchema,
  installMethods,
  type InstallMethod,
} from '../../../../contract/installs';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ChoiceGroup } from '../../../components/ui/choice-group';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { licenseQueryOptions, useLicense } from '../../license/api/license';
import { releasesQueryOptions, useReleases } from '../../releases/api/releases';
import { useCreateInstall } from '../api/installs';
import { InstallChoices, type Choices } from '../components/install-choices';
import { translateFieldErrors } from '../lib/field-errors';

export const loader = (queryClient: QueryClient) => () =>
  Promise.all([
    queryClient.ensureQueryData(licenseQueryOptions()),
    queryClient.ensureQueryData(releasesQueryOptions()),
  ]);

function initialChoices(method: InstallMethod, installTypes: string[], newest: string): Choices {
  const network = allowedNetworks(method, installTypes)[0] ?? 'online';
  return method === 'helm'
    ? {
        method,
        version: newest,
        options: {
          network,
          kubernetesDistribution: 'vanilla',
          registryAccess: network === 'airgap' ? 'offline' : 'online',
        },
      }
    : { method, version: newest, options: { network } };
}

export function Component() {
  const { t } = useTranslation();
  const license = useLicense();
  const { releases } = useReleases();
  const navigate = useNavigate();
  const create = useCreateInstall();
  const nameId = useId();
  const methods = installMethods.filter((m) => allowedNetworks(m, license.installTypes).length > 0);
  const newest = releases[0]?.version ?? '';
  const [name, setName] = useState('');
  const [choices, setChoices] = useState<Choices | null>(() =>
    methods[0] ? initialChoices(methods[0], license.installTypes, newest) : null,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (!choices || releases.length === 0) {
    return (
      <>
        <PageHeader title={t('install.wizard.title')} />
        <EmptyState title={t('install.wizard.unavailable.title')}>{t('install.wizard.unavailable.body')}</EmptyState>
      </>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { ...choices!, name };
    const parsed = createInstallInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(
        translateFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])), t),
      );
      return;
    }
    setErrors({});
    create.mutate(input, {
      onSuccess: ({ attempt }) => navigate(`/install/${attempt.id}`),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fields).length) {
          setErrors(translateFieldErrors(error.fields, t, error.code === 'conflict'));
        }
      },
    });
  }

  const failure = create.error;
  return (
    <>
      <PageHeader title={t('install.wizard.title')} description={t('install.wizard.description')} />
      <form
        noValidate
        onSubmit={onSubmit}
        className="max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-6"
      >
        {failure && !(isApiError(failure) && Object.keys(failure.fields).length) && (
          <Alert>{t('errors.generic')}</Alert>
        )}
        <ChoiceGroup
          legend={t('install.choices.method')}
          name="method"
          value={choices.method}
          choices={methods.map((m) => ({
            value: m,
            label: t(`install.methods.${m}.label`),
            hint: t(`install.methods.${m}.hint`),
          }))}
          onChange={(method) => setChoices(initialChoices(method, license.installTypes, choices.version))}
          error={errors.method}
        />
        <div>
          <label htmlFor={nameId} className="block text-sm font-semibold text-slate-900">
            {t('install.choices.name')}
          </label>
          <p id={`${nameId}-hint`} className="text-sm text-slate-600">
            {t('install.choices.nameHint')}
          </p>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={`${nameId}-hint${errors.name ? ` ${nameId}-error` : ''}`}
            className="mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2"
          />
          {errors.name && (
            <p id={`${nameId}-error`} className="mt-1 text-sm text-red-800">
              {errors.name}
            </p>
          )}
        </div>
        <InstallChoices
          value={choices}
          onChange={setChoices}
          installTypes={license.installTypes}
          releases={releases}
          errors={errors}
        />
        <Button type="submit" busy={create.isPending}>
          {t('install.wizard.start')}
        </Button>
      </form>
    </>
  );
}
