import { screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { renderApp } from '../../../testing/render-app';

it('lists an instance that has checked in, with its status, version and activity', async () => {
  const { portal, user } = await renderApp('/', { user: 'alice@acme.example' });
  await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
  const cookie = await portal.signIn('alice@acme.example');
  const created = await portal.request('/api/installs', {
    method: 'POST',
    cookie,
    json: { method: 'embedded', name: 'edge-1', version: '1.4.0', options: { network: 'online' } },
  });
  const { token } = await created.json();
  await portal.app.request('http://portal.test/kots_metrics/license_instance/info', {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${token}:${token}`)}`,
      'content-type': 'application/json',
      'x-replicated-instanceid': 'abc1234def',
      'x-replicated-downstreamchannelsequence': '5',
    },
    body: JSON.stringify({
      resource_states: '[{"kind":"deployment","name":"api","namespace":"atlas","state":"ready"}]',
    }),
  });
  await user.click(screen.getByRole('link', { name: 'Instances' }));
  const row = (await screen.findByText('edge-1')).closest('tr')!;
  expect(within(row).getByText('Ready')).toBeInTheDocument();
  expect(within(row).getByText('1.4.0')).toBeInTheDocument();
  expect(within(row).getByText('Active')).toBeInTheDocument();
});
