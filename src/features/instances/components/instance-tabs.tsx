import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InstanceCounts, InstanceTab } from '../../../../contract/instances';
import { useFormatters } from '../../../lib/format';
import { searchOf, type InstanceFilters } from '../lib/filters';

/**
 * The tabs are links, like the portal's navigation: each view has its own URL, and the current
 * one is marked aria-current. Archived records are listed only once there are some (issue 8).
 */
export function InstanceTabs({ filters, counts }: { filters: InstanceFilters; counts: InstanceCounts }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const tabs: InstanceTab[] = ['active', 'inactive', 'airgap'];
  if (counts.archived > 0 || filters.tab === 'archived') tabs.push('archived');
  return (
    <nav aria-label={t('instanceList.tabs.label')} className="mb-4 border-b border-slate-200">
      <ul className="flex gap-1 overflow-x-auto">
        {tabs.map((tab) => {
          const current = tab === filters.tab;
          return (
            <li key={tab}>
              <Link
                to={{ search: searchOf({ ...filters, tab }) }}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap border-b-4 px-3 py-2 text-sm font-semibold ${
                  current ? 'border-brand text-slate-900' : 'border-transparent text-slate-700 hover:border-slate-300'
                }`}
              >
                {t('instanceList.tabs.count', {
                  label: t(`instanceList.tabs.${tab}`),
                  formatted: number(counts[tab]),
                })}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
