import type { QueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
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
import { Field } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { loadTeamId } from '../../../app/session/team';
import { licenseQueryOptions, useLicense } from '../../../app/team/license';
import { releasesQueryOptions, useReleases } from '../../../app/team/releases';
import { isApiError } from '../../../lib/api-client';
import { useCreateInstall } from '../api/installs';
import { InstallChoices, registryAccessFor, type Choices } from '../components/install-choices';
import { fieldErrorsOf, translateFieldErrors } from '../lib/field-errors';

export const loader = (queryClient: QueryClient) => async () => {
  const teamId = await loadTeamId(queryClient);
  return Promise.all([
    queryClient.ensureQueryData(licenseQueryOptions(teamId)),
    queryClient.ensureQueryData(releasesQueryOptions(teamId)),
  ]);
};

function initialChoices(method: InstallMethod, installTypes: string[], newest: string): Choices {
  const network = allowedNetworks(method, installTypes)[0] ?? 'online';
  return method === 'helm'
    ? {
        method,
        version: newest,
        options: {
          network,
          kubernetesDistribution: 'vanilla',
          registryAccess: registryAccessFor(network),
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
      setErrors(fieldErrorsOf(parsed.error.issues, t));
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
        <Field
          label={t('install.choices.name')}
          hint={t('install.choices.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          controlClassName="w-full max-w-md"
        />
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
