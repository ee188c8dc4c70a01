import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, createMemoryRouter, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { isApiError } from '../lib/api-client';
import { openDocument, signInUrl } from '../lib/document-navigation';
import { brandingQueryOptions } from './branding';
import { PublicLayout } from './layouts/public-layout';
import { NotFound } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { meQueryOptions } from './session/me';

type RouteModule = {
  Component: React.ComponentType;
  loader?: (queryClient: QueryClient) => (args: LoaderFunctionArgs) => unknown;
};

type LoaderModule = { loader: NonNullable<RouteModule['loader']> };

/** Code-split pages: each module brings its Component and a loader that warms the query cache. */
const page = (load: () => Promise<RouteModule>, queryClient: QueryClient) => async () => {
  const module = await load();
  return { Component: module.Component, loader: module.loader?.(queryClient) };
};

/**
 * A page whose loader is a module of its own, loaded beside the page's code rather than after
 * it: its data is asked for while the page's larger chunk still downloads (the Instances page's
 * first-render target, issue 8).
 */
const pageWithOwnLoader = (
  load: () => Promise<RouteModule>,
  loadLoader: () => Promise<LoaderModule>,
  queryClient: QueryClient,
) => ({
  Component: async () => (await load()).Component,
  loader: async () => (await loadLoader()).loader(queryClient),
});

export function routes(queryClient: QueryClient): RouteObject[] {
  const lazy = (load: () => Promise<RouteModule>) => page(load, queryClient);
  // Each page has its own error boundary, so a failing page leaves the header and navigation usable.
  const portalPage = (
    path: string | undefined,
    load: () => Promise<RouteModule>,
    loadLoader?: () => Promise<LoaderModule>,
  ): RouteObject => {
    const route = { lazy: loadLoader ? pageWithOwnLoader(load, loadLoader, queryClient) : lazy(load) };
    return path ? { path, ...route, ErrorBoundary: RouteError } : { index: true, ...route, ErrorBoundary: RouteError };
  };
  return [
    {
      id: 'root',
      loader: () => queryClient.ensureQueryData(brandingQueryOptions()),
      ErrorBoundary: RouteError,
      HydrateFallback: () => null,
      children: [
        {
          Component: PublicLayout,
          ErrorBoundary: RouteError,
          children: [{ path: 'invites/accept', lazy: lazy(() => import('../features/team/routes/accept-invite')) }],
        },
        {
          id: 'portal',
          path: '/',
          // Guarded here, before anything renders: a signed-out visitor goes straight to sign-in,
          // a page of its own (decision 019). The navigation stays pending while the browser leaves.
          loader: async ({ request }) => {
            try {
              return await queryClient.ensureQueryData(meQueryOptions());
            } catch (error) {
              if (!isApiError(error, 'unauthenticated')) throw error;
              openDocument(signInUrl(new URL(request.url).pathname), { replace: true });
              return new Promise<never>(() => {});
            }
          },
          // Read again (from the cache) on every navigation: after a team switch, useMe and the new
          // page's loader must name the same team, or the page would file one team's data under the other.
          shouldRevalidate: () => true,
          // Loaded beside the loader, not in the entry: the sign-in page has no use for the portal's
          // header, navigation and menus (its script budget, decision 017).
          lazy: { Component: async () => (await import('./layouts/portal-layout')).PortalLayout },
          ErrorBoundary: RouteError,
          children: [
            portalPage(undefined, () => import('../features/dashboard/routes/dashboard')),
            portalPage('install', () => import('../features/install/routes/install')),
            portalPage('install/new', () => import('../features/install/routes/new-install')),
            portalPage('install/:attemptId', () => import('../features/install/routes/install-attempt')),
            portalPage(
              'instances',
              () => import('../features/instances/routes/instances'),
              () => import('../features/instances/routes/instances.loader'),
            ),
            portalPage('instances/airgap/new', () => import('../features/instances/routes/airgap-record')),
            portalPage('instances/airgap/:id/edit', () => import('../features/instances/routes/airgap-record')),
            portalPage('instances/:instanceId', () => import('../features/instances/routes/instance-details')),
            portalPage('releases', () => import('../features/releases/routes/releases')),
            portalPage('license-details', () => import('../features/license/routes/license')),
            portalPage('support', () => import('../features/support/routes/support')),
            portalPage('support/bundles/:bundleId', () => import('../features/support/routes/bundle')),
            portalPage('team', () => import('../features/team/routes/team')),
            portalPage('settings', () => import('../features/settings/routes/settings')),
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ];
}

export const createRouter = (queryClient: QueryClient) => createBrowserRouter(routes(queryClient));

export const createTestRouter = (queryClient: QueryClient, url: string) =>
  createMemoryRouter(routes(queryClient), { initialEntries: [url] });
