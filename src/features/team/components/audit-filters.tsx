import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { auditActions, type AuditAction, type AuditActor } from '../../../../contract/audit';
import { Select } from '../../../components/ui/field';
import { useAuditActors } from '../api/audit';
import { auditTabSearch, isAuditFiltered, type AuditFilters } from '../lib/audit-filters';
import { useAuditText } from '../lib/audit-text';

/**
 * Person and action; every change is a new URL, so the view can be shared. The person list holds
 * only the most recently active (AUDIT_ACTORS_MAX); `filteredActor` names one filtered on from
 * outside it, as the entries shown name them.
 */
export function AuditFilterBar({ filters, filteredActor }: { filters: AuditFilters; filteredActor?: AuditActor }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { actionNames } = useAuditText();
  // Not waited for: the log shows at once, and the people follow.
  const actors = useAuditActors().data?.actors ?? [];
  const go = (next: AuditFilters) => navigate({ search: auditTabSearch(next) });
  const known = !filters.actor || actors.some((actor) => actor.key === filters.actor);
  const nameOf = (actor: Pick<AuditActor, 'kind' | 'label'>) =>
    actor.kind === 'license' ? t('audit.actor.license') : actor.label;
  return (
    <div className="mb-4 flex flex-wrap items-end gap-4">
      <Select
        label={t('audit.filters.person')}
        value={filters.actor ?? ''}
        onChange={(event) => go({ ...filters, actor: event.target.value || undefined })}
      >
        <option value="">{t('audit.filters.anyPerson')}</option>
        {actors.map((actor) => (
          <option key={actor.key} value={actor.key}>
            {nameOf(actor)}
          </option>
        ))}
        {/* Someone from a shared link who is not (or not yet) in the list is still the one filtered on. */}
        {!known && <option value={filters.actor}>{filteredActor ? nameOf(filteredActor) : filters.actor}</option>}
      </Select>
      <Select
        label={t('audit.filters.action')}
        value={filters.action ?? ''}
        onChange={(event) => go({ ...filters, action: (event.target.value || undefined) as AuditAction | undefined })}
      >
        <option value="">{t('audit.filters.anyAction')}</option>
        {auditActions.map((action) => (
          <option key={action} value={action}>
            {actionNames[action]}
          </option>
        ))}
      </Select>
      {isAuditFiltered(filters) && (
        <Link to={{ search: auditTabSearch({}) }} className="py-2 text-sm underline">
          {t('audit.filters.clear')}
        </Link>
      )}
    </div>
  );
}
