import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createRouter } from './app/router';
import './index.css';
import { prepareI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';

const queryClient = createQueryClient();
// The router starts the first page's code and data now, while the strings load beside them.
const router = createRouter(queryClient);

void prepareI18n().then((i18n) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} i18n={i18n} />
    </StrictMode>,
  ),
);
