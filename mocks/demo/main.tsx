import { setupWorker } from 'msw/browser';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { createBrowserRouter } from 'react-router';
import type { InstallAttemptWithToken } from '../../contract/installs';
import '../../src/index.css';
import './demo.css';
import { prepareI18n } from '../../src/lib/i18n';
import { createQueryClient } from '../../src/lib/query-client';
import deStrings from '../../src/locales/de/demo.json';
import enStrings from '../../src/locales/en/demo.json';
import { bffHandlers } from '../bff-handlers';
import { keepBrowserHeaders } from './browser-headers';
import { deleteDemoData, startDemoPortal } from './demo-portal';
import { demoPages } from './demo-pages';
import { DemoShell } from './demo-shell';
import { rememberMachineToken } from './machine-panel';
import { PersistentCookieJar } from './persistent-cookie-jar';

/**
 * The zero-install demo (issue 11, decision 018): the SPA and the sign-in page as production builds them, with MSW's
 * service worker handing its requests to the real BFF running in this page. Only the demo build
 * (vite.demo.config.ts) starts here, so none of this reaches the production bundle.
 */
const RESET_KEY = 'portico-demo.reset';

type Router = ReturnType<typeof createBrowserRouter>;

async function start() {
  // A reset takes effect here, before anything opens the database: the page that asked for it may
  // still have had queries running, and those end with it.
  if (localStorage.getItem(RESET_KEY)) {
    await deleteDemoData();
    PersistentCookieJar.forget();
    localStorage.removeItem(RESET_KEY);
  }
  const jar = new PersistentCookieJar();
  const [portal, i18n] = await Promise.all([startDemoPortal(), prepareI18n()]);
  keepBrowserHeaders();
  const worker = setupWorker(...bffHandlers(portal.app, jar));
  // The page's requests reach the BFF only once the worker controls the page: start it first.
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  // The token of a new install attempt is shown once; the demo machine needs it later.
  worker.events.on('response:mocked', ({ request, response }) => {
    if (request.method !== 'POST' || new URL(request.url).pathname !== '/api/installs' || response.status !== 201)
      return;
    void response
      .clone()
      .json()
      .then(({ attempt, token }: InstallAttemptWithToken) => rememberMachineToken(attempt.id, token));
  });
  i18n.addResourceBundle('en', 'demo', enStrings);
  i18n.addResourceBundle('de', 'demo', deStrings);

  const reset = async () => {
    localStorage.setItem(RESET_KEY, 'yes');
    location.assign('/');
  };
  // The banner above, and below it the page: the SPA or the sign-in page (demo-pages.tsx).
  const root = document.getElementById('root')!;
  const [shellBox, pageBox] = [document.createElement('div'), document.createElement('div')];
  root.replaceChildren(shellBox, pageBox);
  const shell = createRoot(shellBox);
  const showShell = (router: Router | null) =>
    shell.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <DemoShell router={router} onReset={reset} />
        </I18nextProvider>
      </StrictMode>,
    );
  showShell(null);
  demoPages(pageBox, { queryClient: createQueryClient(), i18n, onRouter: showShell }).start();
}

void start();
