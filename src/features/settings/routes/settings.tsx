import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../../app/language-select';
import { useMe } from '../../../app/session/me';
import { PageHeader } from '../../../components/ui/page-header';

export function Component() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <p className="text-sm">
          {t('settings.email')} <strong className="break-all">{me.user.email}</strong>
        </p>
        <LanguageSelect signedIn />
        <p className="text-sm text-slate-600">{t('settings.language.help')}</p>
      </section>
    </>
  );
}
