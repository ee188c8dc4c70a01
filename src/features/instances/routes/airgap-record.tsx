import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import type { z } from 'zod';
import {
  allowsAirgap,
  createAirgapRecordInputSchema,
  updateAirgapRecordInputSchema,
  type AirgapRecord,
  type AirgapRecordOptions,
} from '../../../../contract/airgap';
import type { InstallMethod, KubernetesDistribution } from '../../../../contract/installs';
import { can } from '../../../../contract/permissions';
import { useMe } from '../../../app/session/me';
import { loadTeamId, useTeamId } from '../../../app/session/team';
import { licenseQueryOptions, useLicense } from '../../../app/team/license';
import { Alert } from '../../../components/ui/alert';
import { Button, buttonClass } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Field, Select } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import {
  airgapOptionsQueryOptions,
  airgapRecordQueryOptions,
  useArchiveAirgapRecord,
  useCreateAirgapRecord,
  useUpdateAirgapRecord,
} from '../api/airgap';
import { AirgapDataAge } from '../components/airgap-actions';

/**
 * Create (/instances/airgap/new) or edit (/instances/airgap/:id/edit) an air-gap instance record
 * by hand (issue 8): its name, current version, install method, Kubernetes distribution and
 * Admin Console URL. Only for a team whose license allows an air-gapped install.
 */
export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const teamId = await loadTeamId(queryClient);
    const license = await queryClient.ensureQueryData(licenseQueryOptions(teamId));
    if (!allowsAirgap(license.installTypes)) return null;
    return Promise.all([
      queryClient.ensureQueryData(airgapOptionsQueryOptions(teamId)),
      params.id ? queryClient.ensureQueryData(airgapRecordQueryOptions(teamId, params.id)) : null,
    ]);
  };

export function Component() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const license = useLicense();
  const title = id ? t('airgapRecord.editTitle') : t('airgapRecord.createTitle');
  if (!allowsAirgap(license.installTypes) || !can(me.team.role, 'instances.record')) {
    return (
      <>
        <PageHeader title={title} />
        <EmptyState title={t('airgapRecord.unavailable.title')}>{t('airgapRecord.unavailable.body')}</EmptyState>
      </>
    );
  }
  return id ? <EditRecord id={id} title={title} /> : <RecordForm title={title} />;
}

function EditRecord({ id, title }: { id: string; title: string }) {
  const record = useSuspenseQuery(airgapRecordQueryOptions(useTeamId(), id)).data;
  return <RecordForm title={title} record={record} key={record.updatedAt ?? record.id} />;
}

type Form = {
  name: string;
  version: string;
  method: InstallMethod;
  kubernetesDistribution: KubernetesDistribution | '';
  adminConsoleUrl: string;
};

const initialForm = (options: AirgapRecordOptions, record?: AirgapRecord): Form => ({
  name: record?.name ?? '',
  version: record?.versionLabel ?? '',
  method: record?.method ?? options.methods[0] ?? 'embedded',
  kubernetesDistribution: record?.kubernetesDistribution ?? '',
  adminConsoleUrl: record?.adminConsoleUrl ?? '',
});

/** The contract's messages are English: each field the form knows gets its own translation. */
const messageKeys: Record<string, string> = {
  name: 'airgapRecord.errors.name',
  version: 'airgapRecord.errors.version',
  method: 'airgapRecord.errors.method',
  kubernetesDistribution: 'airgapRecord.errors.kubernetesDistribution',
  adminConsoleUrl: 'airgapRecord.errors.adminConsoleUrl',
};

function translated(fields: Record<string, string>, t: TFunction, conflict: boolean) {
  return Object.fromEntries(
    Object.entries(fields).map(([field, message]) => {
      if (conflict && field === 'name') return [field, t('airgapRecord.errors.nameTaken')];
      if (field === 'version' && !conflict) return [field, t('airgapRecord.errors.unknownVersion')];
      const key = messageKeys[field];
      return [field, key ? t(key) : message];
    }),
  );
}

function issuesOf(issues: readonly z.core.$ZodIssue[], t: TFunction) {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return Object.fromEntries(Object.keys(fields).map((f) => [f, messageKeys[f] ? t(messageKeys[f]) : fields[f]!]));
}

function RecordForm({ title, record }: { title: string; record?: AirgapRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useSuspenseQuery(airgapOptionsQueryOptions(useTeamId())).data;
  const [form, setForm] = useState<Form>(() => initialForm(options, record));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateAirgapRecord();
  const update = useUpdateAirgapRecord(record?.id ?? '');
  const archive = useArchiveAirgapRecord(record?.id ?? '');
  const mutation = record ? update : create;
  const accountsId = useId();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  function onError(error: Error) {
    if (isApiError(error) && Object.keys(error.fields).length) {
      setErrors(translated(error.fields, t, error.code === 'conflict'));
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const distribution = form.method === 'helm' && form.kubernetesDistribution ? form.kubernetesDistribution : null;
    const url = form.adminConsoleUrl.trim() || null;
    const done = { onSuccess: () => navigate('/instances?tab=airgap'), onError };
    if (record) {
      const input = { ...form, kubernetesDistribution: distribution, adminConsoleUrl: url };
      const parsed = updateAirgapRecordInputSchema.safeParse(input);
      if (!parsed.success) return setErrors(issuesOf(parsed.error.issues, t));
      setErrors({});
      update.mutate(input, done);
    } else {
      const input = {
        name: form.name,
        version: form.version,
        method: form.method,
        ...(distribution ? { kubernetesDistribution: distribution } : {}),
        ...(url ? { adminConsoleUrl: url } : {}),
      };
      const parsed = createAirgapRecordInputSchema.safeParse(input);
      if (!parsed.success) return setErrors(issuesOf(parsed.error.issues, t));
      setErrors({});
      create.mutate(input, done);
    }
  }

  const failure = mutation.error;
  const archived = !!record?.archivedAt;
  return (
    <>
      <PageHeader title={title} description={t('airgapRecord.description')} />
      {record && (
        <div className="mb-4">
          <AirgapDataAge record={record} />
        </div>
      )}
      {archived ? (
        <div className="max-w-2xl space-y-4">
          <Alert tone="info">{t('airgapRecord.archived')}</Alert>
          <Button busy={archive.isPending} onClick={() => archive.mutate('restore')}>
            {t('airgapRecord.actions.restore')}
          </Button>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={onSubmit}
          className="max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-6"
        >
          {failure && !(isApiError(failure) && Object.keys(failure.fields).length) && (
            <Alert>{isApiError(failure, 'forbidden') ? t('airgapRecord.errors.forbidden') : t('errors.generic')}</Alert>
          )}
          <Field
            label={t('airgapRecord.fields.name')}
            hint={t('airgapRecord.fields.nameHint')}
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            list={options.serviceAccounts.length ? accountsId : undefined}
            autoComplete="off"
            error={errors.name}
            controlClassName="w-full max-w-md"
          />
          {options.serviceAccounts.length > 0 && (
            <datalist id={accountsId}>
              {options.serviceAccounts.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          )}
          <Select
            label={t('airgapRecord.fields.version')}
            value={form.version}
            onChange={(e) => set('version', e.target.value)}
            error={errors.version}
          >
            <option value="">{t('airgapRecord.fields.versionPlaceholder')}</option>
            {/* A record's version may have left the channel: it stays choosable until changed. */}
            {[...new Set([...(record?.versionLabel ? [record.versionLabel] : []), ...options.versions])].map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </Select>
          <Select
            label={t('airgapRecord.fields.method')}
            value={form.method}
            onChange={(e) => set('method', e.target.value as InstallMethod)}
            error={errors.method}
          >
            {options.methods.map((m) => (
              <option key={m} value={m}>
                {t(`install.methods.${m}.label`)}
              </option>
            ))}
          </Select>
          {form.method === 'helm' && (
            <Select
              label={t('airgapRecord.fields.distribution')}
              value={form.kubernetesDistribution}
              onChange={(e) => set('kubernetesDistribution', e.target.value as KubernetesDistribution | '')}
              error={errors.kubernetesDistribution}
            >
              <option value="">{t('airgapRecord.fields.distributionNone')}</option>
              {options.distributions.map((d) => (
                <option key={d} value={d}>
                  {t(`install.distributions.${d}`)}
                </option>
              ))}
            </Select>
          )}
          <Field
            label={t('airgapRecord.fields.adminConsoleUrl')}
            hint={t('airgapRecord.fields.adminConsoleUrlHint')}
            type="url"
            inputMode="url"
            placeholder={t('airgapRecord.fields.adminConsoleUrlPlaceholder')}
            value={form.adminConsoleUrl}
            onChange={(e) => set('adminConsoleUrl', e.target.value)}
            error={errors.adminConsoleUrl}
            controlClassName="w-full max-w-md"
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" busy={mutation.isPending}>
              {record ? t('airgapRecord.save') : t('airgapRecord.submit')}
            </Button>
            <Link to="/instances" className={buttonClass('secondary')}>
              {t('common.cancel')}
            </Link>
            {record && (
              <Button
                variant="ghost"
                busy={archive.isPending}
                onClick={() => archive.mutate('archive', { onSuccess: () => navigate('/instances?tab=airgap') })}
              >
                {t('airgapRecord.actions.archive')}
              </Button>
            )}
          </div>
        </form>
      )}
    </>
  );
}
