import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contract/permissions';
import { useBranding } from '../../../app/branding';
import { useMe } from '../../../app/session/me';
import { loadTeamId } from '../../../app/session/team';
import { licenseQueryOptions } from '../../../app/team/license';
import { DelayedSpinner } from '../../../components/ui/delayed-spinner';
import { PageHeader } from '../../../components/ui/page-header';
import { bundlesQueryOptions } from '../api/bundles';
import { BundleHistory } from '../components/bundle-history';
import { CollectInstructions } from '../components/collect-instructions';
import { UploadPanel } from '../components/upload-panel';

export const loader = (queryClient: QueryClient) => async () => {
  const teamId = await loadTeamId(queryClient);
  await Promise.all([
    queryClient.ensureQueryData(licenseQueryOptions(teamId)),
    queryClient.ensureQueryData(bundlesQueryOptions(teamId)),
  ]);
  return null;
};

export function Component() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('support.title')} description={t('support.description')} />
      <ContactInfo />
      <CollectInstructions />
      {can(me.team.role, 'bundles.upload') ? (
        <UploadPanel />
      ) : (
        <p className="mb-8 text-sm text-slate-600">{t('support.upload.notAllowed')}</p>
      )}
      <Suspense fallback={<DelayedSpinner />}>
        <BundleHistory />
      </Suspense>
    </>
  );
}

function ContactInfo() {
  const { t } = useTranslation();
  const branding = useBranding();
  if (!branding.supportUrl && !branding.contactEmail) return null;
  return (
    <section aria-labelledby="contact-heading" className="mb-8 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="contact-heading" className="text-lg font-semibold text-slate-900">
        {t('support.contact.title')}
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {branding.supportUrl && (
          <li>
            <a href={branding.supportUrl} className="font-semibold underline" rel="noreferrer noopener" target="_blank">
              {t('support.contact.portal')}
            </a>
          </li>
        )}
        {branding.contactEmail && (
          <li>
            {t('support.contact.email')}{' '}
            <a href={`mailto:${branding.contactEmail}`} className="font-semibold underline">
              {branding.contactEmail}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
