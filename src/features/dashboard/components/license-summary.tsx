import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../contract/catalogue';
import { Badge } from '../../../components/ui/badge';
import { useFormatters } from '../../../lib/format';

export function LicenseSummary({ license }: { license: Dashboard['license'] }) {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  return (
    <>
      <p>{t('dashboard.license.type', { type: t(`licenseTypes.${license.type}`) })}</p>
      {license.status === 'expired' ? (
        <p className="mt-2">
          <Badge tone="danger">{t('license.status.expired')}</Badge>
        </p>
      ) : license.expiresAt && license.daysToExpiry !== null ? (
        <p className="mt-2">
          <Badge tone={license.daysToExpiry <= 30 ? 'warning' : 'success'}>
            {t('dashboard.license.daysLeft', { count: license.daysToExpiry, formatted: number(license.daysToExpiry) })}
          </Badge>{' '}
          <span className="text-slate-600">{t('dashboard.license.expiresOn', { date: date(license.expiresAt) })}</span>
        </p>
      ) : (
        <p className="mt-2">{t('license.neverExpires')}</p>
      )}
    </>
  );
}
