import type { QueryClient } from '@tanstack/react-query';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormatters } from '../../../lib/format';
import { useMe } from '../../auth/api/me';
import { useBranding } from '../../branding/api/branding';
import { licenseQueryOptions, useLicense } from '../../license/api/license';
import { releasesQueryOptions, useReleases } from '../../releases/api/releases';
import { installQueryOptions, releaseImagesQueryOptions, useUpdateInstall } from '../api/installs';
import { useLiveAttempt } from '../api/live-attempt';
import { CheckpointList } from '../components/checkpoint-list';
import { CommandSteps } from '../components/command-steps';
import { DiscardButton } from '../components/discard-dialog';
import { InstallChoices, type Choices } from '../components/install-choices';
import { RenameForm } from '../components/rename-form';
import { StatusBadge } from '../components/status-badge';
import { TokenPanel } from '../components/token-panel';
import { installSteps } from '../lib/commands';
import { useStoredToken } from '../lib/token-store';

export const loader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) =>
    Promise.all([
      queryClient.ensureQueryData(installQueryOptions(params.attemptId!)),
      queryClient.ensureQueryData(licenseQueryOptions()),
      queryClient.ensureQueryData(releasesQueryOptions()),
    ]);

export function Component() {
  const { t } = useTranslation();
  const attemptId = useParams().attemptId!;
  const { data: attempt } = useSuspenseQuery(installQueryOptions(attemptId));
  const open = attempt.status !== 'discarded';
  const live = useLiveAttempt(attemptId, open);
  // Polling is the fallback when the event stream is unavailable.
  useQuery({ ...installQueryOptions(attemptId), refetchInterval: open && live === 'polling' ? 2000 : false });
  const me = useMe();
  const branding = useBranding();
  const license = useLicense();
  const { channel, releases } = useReleases();
  const update = useUpdateInstall(attemptId);
  const storedToken = useStoredToken(attemptId);
  const [revealed, setRevealed] = useState(false);
  const [registryUri, setRegistryUri] = useState('');
  const [draft, setDraft] = useState<Choices | null>(null);
  const registryId = useId();
  const { dateTime } = useFormatters();
  const choices: Choices = draft ?? { method: attempt.method, version: attempt.version, options: attempt.options };
  const helmAirgap = choices.method === 'helm' && choices.options.network === 'airgap';
  const { data: images } = useQuery({ ...releaseImagesQueryOptions(choices.version), enabled: helmAirgap });
  const canEdit = open && me.team.role !== 'viewer';

  const steps = installSteps({
    ...choices,
    appSlug: branding.appSlug,
    channelSlug: channel.slug,
    portalUrl: branding.portalUrl,
    email: me.user.email,
    token: storedToken ?? '<token>',
    registryUri,
    images: images?.images,
  });

  function onChoices(next: Choices) {
    setDraft(next); // The commands re-render at once; the choice is saved alongside.
    const valid = next.options.network !== 'proxy' || next.options.proxyUrl;
    if (valid) update.mutate({ version: next.version, options: next.options }, { onSuccess: () => setDraft(null) });
  }

  return (
    <>
      <PageHeader
        title={t('install.attempt.title', { name: attempt.name })}
        description={t('install.attempt.summary', {
          method: t(`install.methods.${attempt.method}.short`),
          version: attempt.version,
          email: attempt.startedBy,
          date: dateTime(attempt.startedAt),
        })}
      />
      <p className="-mt-4 mb-6">
        <Link to="/install" className="text-sm font-semibold underline">
          {t('install.attempt.back')}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <section
          aria-labelledby="progress-heading"
          className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-1"
        >
          <h2 id="progress-heading" className="mb-3 flex items-center gap-2 text-lg font-semibold text-slate-900">
            {t('install.progress.title')} <StatusBadge status={attempt.status} />
          </h2>
          <CheckpointList checkpoints={attempt.checkpoints} failed={attempt.status === 'failed'} />
          {attempt.failureReason && (
            <div className="mt-4">
              <Alert>{t('install.progress.failed', { reason: attempt.failureReason })}</Alert>
            </div>
          )}
          {open && (
            <p className="mt-4 text-xs text-slate-600">
              {live === 'live' ? t('install.progress.live') : t('install.progress.polling')}
            </p>
          )}
          {canEdit && (
            <div className="mt-6 border-t border-slate-200 pt-4">
              <DiscardButton attemptId={attempt.id} name={attempt.name} />
            </div>
          )}
        </section>
        <div className="space-y-6 lg:col-span-2">
          {!open && <Alert tone="info">{t('install.attempt.discarded')}</Alert>}
          {canEdit && (
            <section
              aria-labelledby="choices-heading"
              className="space-y-5 rounded-lg border border-slate-200 bg-white p-5"
            >
              <h2 id="choices-heading" className="text-lg font-semibold text-slate-900">
                {t('install.attempt.choices')}
              </h2>
              <RenameForm key={attempt.name} attemptId={attempt.id} name={attempt.name} />
              <InstallChoices
                value={choices}
                onChange={onChoices}
                installTypes={license.installTypes}
                releases={releases}
              />
              {update.isError && <Alert>{t('errors.generic')}</Alert>}
            </section>
          )}
          {open && (
            <section aria-labelledby="steps-heading" className="space-y-4">
              <h2 id="steps-heading" className="text-lg font-semibold text-slate-900">
                {t('install.steps.title')}
              </h2>
              <TokenPanel
                attemptId={attempt.id}
                token={storedToken}
                revealed={revealed}
                onToggle={() => setRevealed((v) => !v)}
              />
              {helmAirgap && (
                <div>
                  <label htmlFor={registryId} className="block text-sm font-semibold text-slate-900">
                    {t('install.choices.registryUri')}
                  </label>
                  <input
                    id={registryId}
                    value={registryUri}
                    onChange={(e) => setRegistryUri(e.target.value)}
                    placeholder={t('install.choices.registryUriPlaceholder')}
                    className="mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2"
                  />
                </div>
              )}
              <CommandSteps steps={steps} token={storedToken ?? ''} revealed={revealed} />
            </section>
          )}
        </div>
      </div>
    </>
  );
}
