import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createRouter } from './app/router';
import './index.css';
import { warmFormatters } from './lib/format';
import { prepareI18n } from './lib/i18n';
import { initialLocale } from './lib/locale';
import { createQueryClient } from './lib/query-client';

const queryClient = createQueryClient();
// The router starts the first page's code and data now, while the strings load beside them.
const router = createRouter(queryClient);
const locale = initialLocale();
warmFormatters(locale);

void prepareI18n(locale).then((i18n) =>
  // A transition renders in slices that yield to the browser, not in one long task (decision 020).
  startTransition(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} i18n={i18n} />
      </StrictMode>,
    ),
  ),
);
