import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { entitlementNames } from '../../../../contract/catalogue';
import { loadTeamId } from '../../../app/session/team';
import { licenseQueryOptions, useLicense } from '../../../app/team/license';
import { Badge } from '../../../components/ui/badge';
import { PageHeader } from '../../../components/ui/page-header';
import { useFormatters } from '../../../lib/format';

export const loader = (queryClient: QueryClient) => async () =>
  queryClient.ensureQueryData(licenseQueryOptions(await loadTeamId(queryClient)));

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-5 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="text-sm text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export function Component() {
  const { t } = useTranslation();
  const license = useLicense();
  const { date } = useFormatters();
  return (
    <>
      <PageHeader title={t('license.title')} description={t('license.description')} />
      <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        <Row label={t('license.fields.status')}>
          <Badge tone={license.status === 'active' ? 'success' : 'danger'}>
            {t(`license.status.${license.status}`)}
          </Badge>
        </Row>
        <Row label={t('license.fields.type')}>{t(`licenseTypes.${license.type}`)}</Row>
        <Row label={t('license.fields.expires')}>
          {license.expiresAt ? date(license.expiresAt) : t('license.neverExpires')}
        </Row>
        <Row label={t('license.fields.created')}>{date(license.createdAt)}</Row>
        <Row label={t('license.fields.channel')}>{license.channel.name}</Row>
        <Row label={t('license.fields.installTypes')}>
          {license.installTypes.map((type) => t(`installTypes.${type}`)).join(', ')}
        </Row>
        <Row label={t('license.fields.entitlements')}>
          <ul className="space-y-1">
            {entitlementNames.map((name) => (
              <li key={name}>
                {t(`entitlements.${name}`)}:{' '}
                {license.entitlements[name] ? (
                  <Badge tone="success">{t('license.enabled')}</Badge>
                ) : (
                  <Badge>{t('license.disabled')}</Badge>
                )}
              </li>
            ))}
          </ul>
        </Row>
        <Row label={t('license.fields.customer')}>{license.customerName}</Row>
        <Row label={t('license.fields.customerId')}>
          <code>{license.customId ?? license.customerId}</code>
        </Row>
        <Row label={t('license.fields.licenseId')}>
          <code>{license.licenseId}</code>
        </Row>
      </dl>

      <h2 className="mb-3 mt-8 text-lg font-semibold text-slate-900">{t('license.customFields.title')}</h2>
      {license.customFields.length === 0 ? (
        <p className="text-sm text-slate-600">{t('license.customFields.none')}</p>
      ) : (
        <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {license.customFields.map((field) => (
            <Row key={field.name} label={field.name}>
              {field.value}
            </Row>
          ))}
        </dl>
      )}
    </>
  );
}
