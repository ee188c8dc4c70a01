import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { DelayedSpinner } from '../../components/ui/delayed-spinner';
import { LanguageSelect } from '../language-select';
import { BrandMark } from './brand-mark';

/** Pages seen before signing in: branded, centred, with the language choice at hand. */
export function PublicLayout() {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="on-brand bg-brand text-brand-contrast">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
          <BrandMark />
          <LanguageSelect signedIn={false} className="ml-auto" />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-12">
        <Suspense fallback={<DelayedSpinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
