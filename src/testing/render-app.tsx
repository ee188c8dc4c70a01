import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../app/app';
import { createTestRouter } from '../app/router';
import { testI18n } from './i18n';
import { createQueryClient } from '../lib/query-client';
import { bffHandlers, CookieJar } from '../../mocks/bff-handlers';
import { mswServer } from '../../mocks/node';
import type { Locale } from '../../contract/constants';
import { createTestPortal, type TestPortal } from '../../server/testing/test-portal';

type Options = {
  user?: string;
  locale?: Locale;
  catalogue?: string;
  /** Data to set up through the BFF before the first render (as anyone, with their own sign-in). */
  seed?: (portal: TestPortal) => Promise<void>;
};

/**
 * Renders the whole SPA at a URL, talking through MSW to a real BFF on a fresh in-memory
 * database. `user` signs in first, through the real login-link flow. A URL made by a function
 * is made after `seed`, so it can hold what the seed created (an invite's token).
 */
export async function renderApp(url: string | (() => string), options: Options = {}) {
  const portal = await createTestPortal({ catalogue: options.catalogue });
  await options.seed?.(portal);
  const jar = new CookieJar();
  mswServer.use(...bffHandlers(portal.app, jar));
  if (options.user) jar.store([await portal.signIn(options.user)]);

  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const i18n = testI18n(options.locale ?? 'en');
  const router = createTestRouter(queryClient, typeof url === 'string' ? url : url());
  const user = userEvent.setup();
  const view = render(<App queryClient={queryClient} router={router} i18n={i18n} />);
  return { ...view, portal, router, user, i18n, jar };
}
