import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createRouter } from './app/router';
import './index.css';
import { warmFormatters } from './lib/format';
import { loadPortalStrings, prepareI18n } from './lib/i18n';
import { initialLocale } from './lib/locale';
import { createQueryClient } from './lib/query-client';
import { warmUp } from './lib/warm-up';

// The start is three tasks, not one (decision 022): evaluating the code, making the router, and
// making i18next and starting the render each take 10–35 ms here, and as one task they kept a
// phone from answering a tap for 120–180 ms (Lighthouse's simulation). The page's code, data and
// likely strings were asked for with its HTML (server/node/route-preloads.ts and
// string-preloads.ts), so what each step needs is already on the way. A message, not a timer: a
// tab opened in the background runs timers at most once a second, messages at once.
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

const locale = initialLocale();
void warmUp(locale).then(() => warmFormatters(locale));
const strings = loadPortalStrings(locale); // Asked for now, made into i18next two tasks on.
const queryClient = createQueryClient();

void nextTask()
  .then(() => createRouter(queryClient))
  .then(async (router) => {
    await nextTask();
    const i18n = await prepareI18n(locale, strings);
    // A transition renders in slices that yield to the browser, not in one long task (decision 020).
    startTransition(() =>
      createRoot(document.getElementById('root')!).render(
        <StrictMode>
          <App queryClient={queryClient} router={router} i18n={i18n} />
        </StrictMode>,
      ),
    );
  });
