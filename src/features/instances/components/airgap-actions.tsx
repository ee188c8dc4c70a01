import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { allowsAirgap } from '../../../../contract/airgap';
import { can } from '../../../../contract/permissions';
import { useMe } from '../../../app/session/me';
import { licenseQueryOptions } from '../../../app/team/license';
import { Button, buttonClass } from '../../../components/ui/button';
import { airgapRecordsQueryOptions, useArchiveAirgapRecord } from '../api/airgap';

/**
 * Whether the signed-in user may record air-gap instances: the team's license allows an
 * air-gapped install, and their role may record. Otherwise none of this is shown (issue 8).
 * False until the license has loaded, so nothing flashes in and out.
 */
export function useMayRecordAirgap(): boolean {
  const me = useMe();
  const { data: license } = useQuery(licenseQueryOptions(me.team.id));
  return !!license && allowsAirgap(license.installTypes) && can(me.team.role, 'instances.record');
}

/** "Create air gap instance record": opens the form to enter one by hand. */
export function CreateAirgapRecordLink({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  if (!useMayRecordAirgap()) return null;
  return (
    <Link to="/instances/airgap/new" className={`${buttonClass('secondary')} ${className}`}>
      {t('airgapRecord.create')}
    </Link>
  );
}

/** What the actions need of a record; an `AirgapRecord` (contract/airgap.ts) has it all. */
export type AirgapRecordSummary = {
  id: string;
  name: string | null;
  archivedAt: string | null;
  stale: boolean;
  dataAgeDays: number;
};

/** The age of a record's newest data, and a warning once it is past the vendor's cadence. */
export function AirgapDataAge({ record }: { record: AirgapRecordSummary }) {
  const { t } = useTranslation();
  if (!record.stale) {
    return <p className="text-sm text-slate-600">{t('airgapRecord.dataAge', { count: record.dataAgeDays })}</p>;
  }
  return (
    <p className="text-sm text-amber-900">
      <span aria-hidden="true">⚠ </span>
      {t('airgapRecord.stale', { count: record.dataAgeDays })}{' '}
      <Link to="/support" className="font-semibold underline">
        {t('airgapRecord.uploadBundle')}
      </Link>
    </p>
  );
}

/**
 * Per-record Edit, Archive and Restore, with the data's age: for the instance list to place
 * beside each manual air-gap record. Hidden for users who may not record.
 */
export function AirgapRecordActions({ record }: { record: AirgapRecordSummary }) {
  const { t } = useTranslation();
  const may = useMayRecordAirgap();
  const archive = useArchiveAirgapRecord(record.id);
  const name = record.name ?? record.id.slice(0, 7);
  return (
    <div className="space-y-2">
      {!record.archivedAt && <AirgapDataAge record={record} />}
      {may && (
        <div className="flex flex-wrap gap-2">
          {record.archivedAt ? (
            <Button
              variant="secondary"
              busy={archive.isPending}
              onClick={() => archive.mutate('restore')}
              aria-label={t('airgapRecord.actions.restoreNamed', { name })}
            >
              {t('airgapRecord.actions.restore')}
            </Button>
          ) : (
            <>
              <Link
                to={`/instances/airgap/${encodeURIComponent(record.id)}/edit`}
                className={buttonClass('secondary')}
                aria-label={t('airgapRecord.actions.editNamed', { name })}
              >
                {t('airgapRecord.actions.edit')}
              </Link>
              <Button
                variant="secondary"
                busy={archive.isPending}
                onClick={() => archive.mutate('archive')}
                aria-label={t('airgapRecord.actions.archiveNamed', { name })}
              >
                {t('airgapRecord.actions.archive')}
              </Button>
            </>
          )}
        </div>
      )}
      {archive.isError && (
        <p role="alert" className="text-sm text-red-800">
          {t('errors.generic')}
        </p>
      )}
    </div>
  );
}

/**
 * The actions for an instance of the list, by id: shown only when it is an air-gap record the
 * team entered by hand (the records are read once, from /api/airgap-instances), so the list can
 * mount this on every air-gap row without knowing which are manual.
 */
export function AirgapInstanceActions({ instanceId }: { instanceId: string }) {
  const me = useMe();
  const { data: license } = useQuery(licenseQueryOptions(me.team.id));
  const entitled = !!license && allowsAirgap(license.installTypes);
  const { data } = useQuery({ ...airgapRecordsQueryOptions(me.team.id), enabled: entitled });
  const record = data?.records.find((r) => r.id === instanceId);
  return record ? <AirgapRecordActions record={record} /> : null;
}

/**
 * The Air gap tab's records entered by hand, each with its actions and data age. They are few
 * (typed in by people), so all are shown; the windowed list below holds every air-gap instance.
 */
export function AirgapRecordsPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const { data: license } = useQuery(licenseQueryOptions(me.team.id));
  const entitled = !!license && allowsAirgap(license.installTypes);
  const { data } = useQuery({ ...airgapRecordsQueryOptions(me.team.id), enabled: entitled });
  const live = data?.records.filter((r) => !r.archivedAt) ?? [];
  if (live.length === 0) return null;
  return (
    <section aria-labelledby="airgap-records-title" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="airgap-records-title" className="mb-3 text-base font-semibold text-slate-900">
        {t('airgapRecord.panel.title')}
      </h2>
      <ul className="space-y-4">
        {live.map((record) => (
          <li key={record.id} className="flex flex-wrap items-start justify-between gap-4">
            <span className="font-medium text-slate-900">{record.name ?? record.id.slice(0, 7)}</span>
            <AirgapRecordActions record={record} />
          </li>
        ))}
      </ul>
    </section>
  );
}
