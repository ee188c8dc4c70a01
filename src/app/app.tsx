import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { Brand } from './brand';

type Router = ReturnType<typeof createBrowserRouter>;

export function App({ queryClient, router, i18n }: { queryClient: QueryClient; router: Router; i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Brand>
          <RouterProvider router={router} />
        </Brand>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
