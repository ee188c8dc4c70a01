import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkCandidate } from '../../../../contract/installs';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/format';
import { useLinkCandidates, useLinkInstance } from '../api/link-instance';

type Props = {
  attemptId: string;
  /** Whether the attempt still waits for its instance: open, and the instance not yet ready. */
  awaiting: boolean;
  canLink: boolean;
};

/**
 * Instances that reported with the license, but that the portal could not match to an
 * installation because none or several awaited them (decision 008): the customer says which.
 */
export function LinkInstance({ attemptId, awaiting, canLink }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const { data } = useLinkCandidates(attemptId, awaiting);
  const link = useLinkInstance(attemptId);
  const [linked, setLinked] = useState<string | null>(null);
  const done = useRef<HTMLDivElement>(null);
  // The button that was pressed is gone: the confirmation takes the focus.
  useEffect(() => {
    if (linked) done.current?.focus();
  }, [linked]);

  if (linked) {
    return (
      <div ref={done} tabIndex={-1}>
        <Alert tone="success">{t('install.link.done', { name: linked })}</Alert>
      </div>
    );
  }
  const candidates = awaiting ? (data?.instances ?? []) : [];
  if (candidates.length === 0 && !link.isError) return null;

  const nameOf = (candidate: LinkCandidate) =>
    candidate.name ?? t('instances.unnamed', { id: (candidate.externalId ?? candidate.id).slice(0, 7) });
  const error = !link.isError
    ? null
    : isApiError(link.error) && link.error.status === 409
      ? t('install.link.errors.conflict')
      : isApiError(link.error) && link.error.status === 404
        ? t('install.link.errors.gone')
        : t('errors.generic');

  return (
    <section aria-labelledby="link-heading" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-5">
      <h2 id="link-heading" className="text-lg font-semibold text-slate-900">
        {t('install.link.title')}
      </h2>
      <p className="text-sm text-slate-800">{t('install.link.body')}</p>
      {!canLink && <p className="text-sm text-slate-800">{t('install.link.askSomeone')}</p>}
      {error && <Alert>{error}</Alert>}
      {candidates.length > 0 && (
        <ul className="divide-y divide-amber-200" aria-label={t('install.link.listLabel')}>
          {candidates.map((candidate) => {
            const name = nameOf(candidate);
            const nameId = `link-candidate-${candidate.id}`;
            return (
              <li key={candidate.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="text-sm">
                  <p id={nameId} className="font-semibold text-slate-900">
                    {name}
                  </p>
                  <p className="text-slate-800">
                    {candidate.status ? t(`instances.status.${candidate.status}`) : t('instances.unknown')}
                    {' · '}
                    <time dateTime={candidate.lastCheckInAt}>
                      {t('install.link.lastCheckIn', { date: dateTime(candidate.lastCheckInAt) })}
                    </time>
                  </p>
                  {candidate.clusterId && (
                    <p className="break-all text-slate-700">{t('install.link.cluster', { id: candidate.clusterId })}</p>
                  )}
                </div>
                {canLink && (
                  <Button
                    variant="secondary"
                    aria-describedby={nameId}
                    busy={link.isPending && link.variables?.instanceId === candidate.id}
                    disabled={link.isPending}
                    onClick={() => link.mutate({ instanceId: candidate.id }, { onSuccess: () => setLinked(name) })}
                  >
                    {t('install.link.action')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
