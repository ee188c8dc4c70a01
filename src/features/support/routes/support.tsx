import { useTranslation } from 'react-i18next';
import { useBranding } from '../../../app/branding';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';

export function Component() {
  const { t } = useTranslation();
  const branding = useBranding();
  const hasContact = branding.supportUrl || branding.contactEmail;
  return (
    <>
      <PageHeader title={t('support.title')} description={t('support.description')} />
      {hasContact && (
        <section aria-labelledby="contact-heading" className="mb-8 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="contact-heading" className="text-lg font-semibold text-slate-900">
            {t('support.contact.title')}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {branding.supportUrl && (
              <li>
                <a
                  href={branding.supportUrl}
                  className="font-semibold underline"
                  rel="noreferrer noopener"
                  target="_blank"
                >
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
      )}
      <EmptyState title={t('support.empty.title')}>{t('support.empty.body')}</EmptyState>
    </>
  );
}
