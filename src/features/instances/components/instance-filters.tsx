import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { instanceStatuses, type InstanceStatus } from '../../../../contract/install-options';
import type { InstanceSort } from '../../../../contract/instances';
import { useQuery } from '@tanstack/react-query';
import { releasesQueryOptions } from '../../../app/team/releases';
import { useTeamId } from '../../../app/session/team';
import { Button } from '../../../components/ui/button';
import { Field, Select } from '../../../components/ui/field';
import { isFiltered, searchOf, type InstanceFilters } from '../lib/filters';

/** Search, status, version and sort; every change is a new URL, so the view can be shared. */
export function InstanceFilterBar({ filters }: { filters: InstanceFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Not suspended on: the list shows at once, and the version options follow.
  const { data } = useQuery(releasesQueryOptions(useTeamId()));
  const versions = data?.releases.map((r) => r.version) ?? [];
  // A version no longer on the channel, from a shared link, is still the one filtered on.
  if (filters.version && !versions.includes(filters.version)) versions.push(filters.version);
  const go = (next: InstanceFilters) => navigate({ search: searchOf(next) });
  return (
    <div className="mb-4 flex flex-wrap items-end gap-4">
      <form
        role="search"
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
          go({ ...filters, q: q || undefined });
        }}
      >
        {/* Keyed by the URL's term, so going back in history shows the term that view had. */}
        <Field
          key={filters.q ?? ''}
          label={t('instanceList.filters.search')}
          name="q"
          type="search"
          maxLength={100}
          defaultValue={filters.q ?? ''}
        />
        <Button type="submit" variant="secondary">
          {t('instanceList.filters.searchButton')}
        </Button>
      </form>
      <Select
        label={t('instanceList.filters.status')}
        value={filters.status ?? ''}
        onChange={(event) =>
          go({ ...filters, status: (event.target.value || undefined) as InstanceStatus | undefined })
        }
      >
        <option value="">{t('instanceList.filters.anyStatus')}</option>
        {instanceStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`instances.status.${status}`)}
          </option>
        ))}
      </Select>
      <Select
        label={t('instanceList.filters.version')}
        value={filters.version ?? ''}
        onChange={(event) => go({ ...filters, version: event.target.value || undefined })}
      >
        <option value="">{t('instanceList.filters.anyVersion')}</option>
        {versions.map((version) => (
          <option key={version} value={version}>
            {version}
          </option>
        ))}
      </Select>
      <Select
        label={t('instanceList.filters.sort')}
        value={filters.sort}
        onChange={(event) => go({ ...filters, sort: event.target.value as InstanceSort })}
      >
        <option value="last_check_in">{t('instanceList.filters.sortLastCheckIn')}</option>
        <option value="name">{t('instanceList.filters.sortName')}</option>
      </Select>
      {isFiltered(filters) && (
        <Link to={{ search: searchOf({ tab: filters.tab, sort: filters.sort }) }} className="py-2 text-sm underline">
          {t('instanceList.filters.clear')}
        </Link>
      )}
    </div>
  );
}
