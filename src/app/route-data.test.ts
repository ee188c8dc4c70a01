import { screen } from '@testing-library/react';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mswServer } from '../../mocks/node';
import { instances } from '../../server/db/schema';
import { dataPreloads, matchPortalRoute } from '../../server/node/route-preloads';
import { startInstall } from '../../server/testing/ingest-client';
import { sdkCheckIn } from '../../server/testing/sdk-check-in';
import { createTestPortal, type TestPortal } from '../../server/testing/test-portal';
import { renderApp } from '../testing/render-app';
import { portalPageData } from './route-data';

// Opening the file's database from the template takes seconds on a busy machine; done here.
beforeAll(async () => void (await createTestPortal()));

/** Every GET the page makes of the BFF while it opens, as path and query, in the order asked. */
function recordRequests() {
  const asked: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`);
  };
  mswServer.events.on('request:start', listener);
  return { asked, stop: () => mswServer.events.removeListener('request:start', listener) };
}

/** The URLs the Node host would preload with the page at this address, as it sends them. */
function preloadsFor(address: string) {
  const url = new URL(address, 'http://portal.test');
  const header = dataPreloads(matchPortalRoute(url.pathname)!, url.pathname, url.searchParams) ?? '';
  return [...header.matchAll(/<([^>]+)>/g)].map((m) => m[1]);
}

let attemptId = '';
async function startAttempt(portal: TestPortal) {
  attemptId = (await startInstall(portal, 'alice@acme.example', { name: 'preloaded' })).attempt.id;
}

let instanceId = '';
/** An instance the SDK reported ready, from an install of its own. */
async function installInstance(portal: TestPortal) {
  const { token } = await startInstall(portal, 'alice@acme.example', { name: 'preloaded-instance' });
  await sdkCheckIn(portal, 'pre10aded1', { state: 'ready' }, token);
  const [row] = await portal.db.select().from(instances).where(eq(instances.externalId, 'pre10aded1'));
  instanceId = row!.id;
}

const pages: { route: string; address: () => string; heading: string; seed?: (portal: TestPortal) => Promise<void> }[] =
  [
    { route: '/', address: () => '/', heading: 'Dashboard' },
    {
      route: '/install/:attemptId',
      address: () => `/install/${attemptId}`,
      heading: 'Install: preloaded',
      seed: startAttempt,
    },
    { route: '/install', address: () => '/install', heading: 'Install' },
    { route: '/instances', address: () => '/instances?sort=name&tab=inactive&q=edge', heading: 'Instances' },
    {
      route: '/instances/:instanceId',
      address: () => `/instances/${instanceId}`,
      heading: 'preloaded-instance',
      seed: installInstance,
    },
    { route: '/releases', address: () => '/releases', heading: 'Releases' },
    { route: '/license-details', address: () => '/license-details', heading: 'License' },
    { route: '/support', address: () => '/support', heading: 'Support' },
  ];

describe('the data the host preloads with a page (src/app/route-data.ts)', () => {
  it('covers every page the table names', () => {
    expect(pages.map((page) => page.route).sort()).toEqual(Object.keys(portalPageData).sort());
  });

  it.each(pages)('is asked for by the page itself, as it stands: $route', async ({ address, heading, seed }) => {
    const requests = recordRequests();
    try {
      await renderApp(address, { user: 'alice@acme.example', seed });
      await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 10_000 });
    } finally {
      requests.stop();
    }
    const preloads = preloadsFor(address());
    expect(preloads.length).toBeGreaterThan(0);
    // A preload the page does not ask for, to the byte, is a request wasted and the page's own a second one.
    for (const url of preloads) expect(requests.asked).toContain(url);
  });
});
