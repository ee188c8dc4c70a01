import { screen, within } from '@testing-library/react';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { instances } from '../../../../server/db/schema';
import { sdkCheckIn } from '../../../../server/testing/sdk-check-in';
import { createTestPortal, type TestPortal } from '../../../../server/testing/test-portal';
import { violations } from '../../../testing/axe';
import { renderApp } from '../../../testing/render-app';

const H = 3_600_000;

/** An installation Alice started, whose instance came up unavailable, then ready on a newer Kubernetes. */
async function installedInstance(portal: TestPortal) {
  const cookie = await portal.signIn('alice@acme.example');
  const created = await portal.request('/api/installs', {
    method: 'POST',
    cookie,
    json: { method: 'embedded', name: 'edge-1', version: '1.4.0', options: { network: 'online' } },
  });
  const { token, attempt } = await created.json();
  await sdkCheckIn(portal, 'abc1234def', { state: 'unavailable' }, token);
  portal.clock.advance(2 * H);
  await sdkCheckIn(portal, 'abc1234def', { state: 'ready', k8s: 'v1.32.0+k0s' }, token);
  const metrics = await portal.app.request('http://portal.test/application/custom-metrics', {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${token}:${token}`)}`,
      'content-type': 'application/json',
      'x-replicated-instanceid': 'abc1234def',
    },
    body: JSON.stringify({ data: { active_users: 42 } }),
  });
  expect(metrics.status).toBe(200);
  const [row] = await portal.db.select().from(instances).where(eq(instances.externalId, 'abc1234def'));
  return { id: row!.id, attemptId: attempt.id as string };
}

const section = (name: string) => screen.getByRole('heading', { name, level: 2 }).closest('section')!;

beforeAll(async () => void (await createTestPortal()));

describe('the instance details page', () => {
  it('shows status, timeline, uptime with its text alternative, field changes, metrics and time to install', async () => {
    const { portal, router, container } = await renderApp('/', { user: 'alice@acme.example' });
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    const { id, attemptId } = await installedInstance(portal);
    await router.navigate(`/instances/${id}`);

    expect(await screen.findByRole('heading', { name: 'edge-1', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Version 1.4.0')).toBeInTheDocument();

    const timeline = section('Status timeline');
    expect(within(timeline).getByText('Unavailable → Ready')).toBeInTheDocument();
    expect(within(timeline).getByText('First reported as Unavailable')).toBeInTheDocument();

    const uptime = section('Uptime, last 14 days');
    expect(within(uptime).getByText(/^0% uptime over the last 14 days/)).toBeInTheDocument();
    const perDay = within(uptime).getByRole('table', { name: 'Uptime per day, last 14 days' });
    expect(within(perDay).getAllByRole('row')).toHaveLength(15);
    const today = within(perDay).getByRole('rowheader', { name: 'November 22, 2026' }).closest('tr')!;
    expect(
      within(today)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0 min', '2 hr', '10 hr']);

    const fields = section('Field changes');
    const change = within(fields).getByText('Kubernetes version').closest('tr')!;
    expect(within(change).getByText('v1.31.4+k0s')).toBeInTheDocument();
    expect(within(change).getByText('v1.32.0+k0s')).toBeInTheDocument();

    const metrics = section('Custom metrics');
    expect(within(metrics).getByText('active_users')).toBeInTheDocument();
    expect(within(metrics).getByText('42')).toBeInTheDocument();
    expect(within(metrics).getByRole('img', { name: /^1 sample at .*: 42$/ })).toBeInTheDocument();

    const install = section('Time to install');
    // The license was created when the catalogue first loaded, as the instance first checked in.
    expect(within(install).getAllByText('2 hr')).toHaveLength(2);
    expect(within(install).getByRole('link', { name: 'edge-1' })).toHaveAttribute('href', `/install/${attemptId}`);

    expect(await violations(container)).toEqual([]);
  });

  it('says honestly when there is no data yet, in German too', async () => {
    const { portal, router } = await renderApp('/', { user: 'alice@acme.example', locale: 'de' });
    await screen.findByRole('heading', { level: 1 });
    await sdkCheckIn(portal, 'quiet-1');
    const [row] = await portal.db.select().from(instances).where(eq(instances.externalId, 'quiet-1'));
    await router.navigate(`/instances/${row!.id}`);

    expect(await screen.findByRole('heading', { name: 'Instanz quiet-1', level: 1 })).toBeInTheDocument();
    expect(within(section('Geänderte Felder')).getByText('Noch keine Daten')).toBeInTheDocument();
    expect(within(section('Eigene Metriken')).getByText('Noch keine Daten')).toBeInTheDocument();
    // It checked in this very moment: no time has passed to be up or down in.
    expect(within(section('Verfügbarkeit, letzte 14 Tage')).getByText(/^Noch keine Daten:/)).toBeInTheDocument();
    expect(
      within(section('Zeit bis zur Installation')).getByText('Nicht aus einer Installation in diesem Portal gestartet'),
    ).toBeInTheDocument();
  });

  it("shows the not-found page for another team's instance and for an unknown one", async () => {
    const { portal, router } = await renderApp('/', { user: 'carol@globex.example' });
    await screen.findByRole('heading', { level: 1 });
    await sdkCheckIn(portal, 'acme-1', { state: 'ready' });
    const [acme] = await portal.db.select().from(instances).where(eq(instances.externalId, 'acme-1'));
    await router.navigate(`/instances/${acme!.id}`);
    expect(await screen.findByRole('heading', { name: 'Page not found', level: 1 })).toBeInTheDocument();
    await router.navigate('/instances/not-an-instance');
    expect(await screen.findByRole('heading', { name: 'Page not found', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Status timeline' })).not.toBeInTheDocument();
  });
});
