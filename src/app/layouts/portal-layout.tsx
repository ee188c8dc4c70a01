import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigation } from 'react-router';
import { DelayedSpinner } from '../../components/ui/delayed-spinner';
import { FocusOnOpen } from '../../components/ui/page-header';
import { MyInvites } from '../../features/team/components/my-invites';
import { BrandMark } from './brand-mark';
import { MainNav } from './main-nav';
import { TeamSwitcher } from './team-switcher';
import { UserMenu } from './user-menu';

export function PortalLayout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // The router keys the document's first entry 'default'; every navigation gets a key of its own.
  const navigated = useLocation().key !== 'default';
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only bg-white px-4 py-2 font-semibold text-slate-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
      >
        {t('nav.skipToContent')}
      </a>
      <header className="on-brand bg-brand text-brand-contrast">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <BrandMark />
          <div className="ml-auto flex items-center gap-3">
            <TeamSwitcher />
            <UserMenu />
          </div>
        </div>
        <MainNav />
      </header>
      {navigation.state === 'loading' && (
        <div className="h-1 w-full animate-pulse bg-brand" role="progressbar" aria-label={t('common.loading')} />
      )}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <MyInvites />
        <Suspense fallback={<DelayedSpinner />}>
          <FocusOnOpen value={navigated}>
            <Outlet />
          </FocusOnOpen>
        </Suspense>
      </main>
    </div>
  );
}
