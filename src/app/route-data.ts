import { filtersFrom, searchOf } from '../features/instances/lib/filters';

/** A page's route parameters, decoded as the router decodes them, and its query string. */
type PageAddress = { params: Record<string, string>; search: URLSearchParams };

/**
 * What a portal page's loader fetches first, by the page's path in the router (route-modules.ts),
 * as the page itself asks for it: same path, same query, same encoding. The Node host sends these
 * with the page as preloads (server/node/route-preloads.ts), so the data is on its way with the
 * page's HTML rather than after the scripts have run. route-data.test.ts fails when a page no
 * longer asks for a URL its entry here names: a preload nothing uses is a request wasted.
 *
 * Pages whose first screen waits on data that is the same for every role; `/api/me` the page
 * preloads itself.
 */
export const portalPageData: Record<string, (address: PageAddress) => string[]> = {
  '/': () => ['/api/dashboard'],
  '/install/:attemptId': ({ params }) => [
    `/api/installs/${encodeURIComponent(params.attemptId!)}`,
    '/api/license',
    '/api/releases',
  ],
  '/install': () => ['/api/installs'],
  '/instances': ({ search }) => [`/api/instances${searchOf(filtersFrom(search))}`, '/api/releases', '/api/license'],
  '/instances/:instanceId': ({ params }) => [
    `/api/instances/${encodeURIComponent(params.instanceId!)}`,
    '/api/releases',
    '/api/license',
  ],
  '/releases': () => ['/api/releases'],
  '/license-details': () => ['/api/license'],
  '/support': () => ['/api/license', '/api/support-bundles'],
  // Not the Team page: what it asks for depends on the role (a member's preload of an admin's
  // list would be a 403 fetched for nothing).
};
