import type { QueryClient } from '@tanstack/react-query';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { can } from '../../../../contract/permissions';
import { useBranding } from '../../../app/branding';
import { useMe } from '../../../app/session/me';
import { loadTeamId } from '../../../app/session/team';
import { licenseQueryOptions, useLicense } from '../../../app/team/license';
import { releasesQueryOptions, useReleases } from '../../../app/team/releases';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { useActorName } from '../../../lib/actor-name';
import { useFormatters } from '../../../lib/format';
import { installQueryOptions, releaseImagesQueryOptions, useUpdateInstall } from '../api/installs';
import { useLiveAttempt } from '../api/live-attempt';
import { CheckpointList } from '../components/checkpoint-list';
import { CommandSteps } from '../components/command-steps';
import { CredentialChoice } from '../components/credential-choice';
import { DiscardButton } from '../components/discard-dialog';
import { InstallChoices, type Choices } from '../components/install-choices';
import { LinkInstance } from '../components/link-instance';
import { RenameForm } from '../components/rename-form';
import { StatusBadge } from '../components/status-badge';
import { TokenPanel } from '../components/token-panel';
import { installSteps, relocatesImages } from '../lib/commands';
import { chooseCredential, useCredential, type Credential } from '../lib/credential-store';
import { fieldErrorsOf, translateFieldErrors } from '../lib/field-errors';
import { useStoredToken } from '../lib/token-store';

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const teamId = await loadTeamId(queryClient);
    return Promise.all([
      queryClient.ensureQueryData(installQueryOptions(teamId, params.attemptId!)),
      queryClient.ensureQueryData(licenseQueryOptions(teamId)),
      queryClient.ensureQueryData(releasesQueryOptions(teamId)),
    ]);
  };

export function Component() {
  const { t } = useTranslation();
  const attemptId = useParams().attemptId!;
  const me = useMe();
  const { data: attempt } = useSuspenseQuery(installQueryOptions(me.team.id, attemptId));
  const open = attempt.status !== 'discarded';
  const live = useLiveAttempt(me.team.id, attemptId, open);
  // Polling is the fallback when the event stream is unavailable.
  useQuery({
    ...installQueryOptions(me.team.id, attemptId),
    refetchInterval: open && live === 'polling' ? 2000 : false,
  });
  const branding = useBranding();
  const license = useLicense();
  const { channel, releases } = useReleases();
  const update = useUpdateInstall(attemptId);
  const storedToken = useStoredToken(attemptId);
  const credential = useCredential(attemptId);
  const secret = credential === 'license' ? license.licenseId : storedToken;
  const [revealed, setRevealed] = useState(false);
  const [registryUri, setRegistryUri] = useState('');
  const [draft, setDraft] = useState<Choices | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { dateTime } = useFormatters();
  const actorName = useActorName();
  const choices: Choices = draft ?? { method: attempt.method, version: attempt.version, options: attempt.options };
  const relocating = relocatesImages(choices);
  const { data: images } = useQuery({
    ...releaseImagesQueryOptions(me.team.id, choices.version),
    enabled: relocating,
  });
  const canEdit = open && can(me.team.role, 'installs.manage');
  const ready = attempt.checkpoints.some((c) => c.name === 'instance_ready' && c.at !== null);

  const steps = installSteps({
    ...choices,
    appSlug: branding.appSlug,
    channelSlug: channel.slug,
    portalUrl: branding.portalUrl,
    email: me.user.email,
    secret: secret ?? '<token>',
    registryUri,
    images: images?.images,
  });

  async function onChoices(next: Choices) {
    setDraft(next); // The commands re-render at once; the choice is saved once the contract accepts it.
    // The contract's schema (and zod with it) loads at the first change, not with the page: the
    // page shows the choices without it, and its first render is the slower for it (decision 020).
    const { installOptionsSchema } = await import('../../../../contract/installs');
    const parsed = installOptionsSchema.safeParse(next.options);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues, t, 'options'));
    setErrors({});
    update.mutate(
      { version: next.version, options: next.options },
      {
        // Keep a draft typed on meanwhile (and perhaps not yet valid) rather than show the saved one.
        onSuccess: () => setDraft((current) => (current === next ? null : current)),
        onError: (error) => isApiError(error) && setErrors(translateFieldErrors(error.fields, t)),
      },
    );
  }
  function onCredential(next: Credential) {
    chooseCredential(attemptId, next);
    setRevealed(false); // Revealing one secret does not reveal the other.
  }
  const saveFailed = update.isError && !(isApiError(update.error) && Object.keys(update.error.fields).length);

  return (
    <>
      <PageHeader
        title={t('install.attempt.title', { name: attempt.name })}
        description={t('install.attempt.summary', {
          method: t(`install.methods.${attempt.method}.short`),
          version: attempt.version,
          email: actorName(attempt.startedBy),
          date: dateTime(attempt.startedAt),
        })}
      />
      <p className="-mt-4 mb-6">
        <Link to="/install" className="text-sm font-semibold underline">
          {t('install.attempt.back')}
        </Link>
      </p>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
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
          <LinkInstance attemptId={attempt.id} awaiting={open && !ready} canLink={canEdit} />
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
                onChange={(next) => void onChoices(next)}
                installTypes={license.installTypes}
                releases={releases}
                errors={errors}
              />
              {saveFailed && <Alert>{t('errors.generic')}</Alert>}
            </section>
          )}
          {open && (
            <section aria-labelledby="steps-heading" className="space-y-4">
              <h2 id="steps-heading" className="text-lg font-semibold text-slate-900">
                {t('install.steps.title')}
              </h2>
              <CredentialChoice value={credential} onChange={onCredential} />
              <TokenPanel
                attemptId={attempt.id}
                credential={credential}
                secret={secret}
                revealed={revealed}
                onToggle={() => setRevealed((v) => !v)}
              />
              {relocating && (
                <Field
                  label={t('install.choices.registryUri')}
                  value={registryUri}
                  onChange={(e) => setRegistryUri(e.target.value)}
                  placeholder={t('install.choices.registryUriPlaceholder')}
                  controlClassName="w-full max-w-md"
                />
              )}
              <CommandSteps steps={steps} secret={secret ?? ''} revealed={revealed} />
            </section>
          )}
        </div>
      </div>
    </>
  );
}
