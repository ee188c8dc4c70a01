import { screen, waitFor, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import { faults } from '../../../../mocks/faults';
import { mswServer } from '../../../../mocks/node';
import { AUDIT_ACTORS_MAX } from '../../../../contract/audit';
import { recordAudit, type AuditEntry } from '../../../../server/audit/record';
import { auditEvents } from '../../../../server/db/schema';
import type { TestPortal } from '../../../../server/testing/test-portal';
import { violations } from '../../../testing/axe';
import { renderApp } from '../../../testing/render-app';

const alice = { kind: 'user', id: 'u-alice', label: 'alice@acme.example' } as const;
const bob = { kind: 'user', id: 'u-bob', label: 'bob@acme.example' } as const;

/** Entries as the routes write them, a minute apart, on Acme's log. */
async function seed(portal: TestPortal, entries: Omit<AuditEntry, 'teamId'>[]) {
  const team = await portal.db.query.teams.findFirst({ where: (t, { eq }) => eq(t.name, 'Acme Corp') });
  for (const entry of entries) {
    portal.clock.advance(60_000);
    await recordAudit(portal.db, portal.clock.now(), { teamId: team!.id, ...entry });
  }
}

/** The log's table (the Members tab's may still be on its way out). */
const table = () => screen.getByRole('columnheader', { name: /^(From where|Von wo)$/ }).closest('table')!;
/** Each row's cells, header row left out. */
const rows = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

it('shows an admin the log newest first, with who, what and from where, and filters it by action', async () => {
  const { portal, user, router, container } = await renderApp('/', { user: 'alice@acme.example' });
  await seed(portal, [
    {
      actor: alice,
      action: 'invite.sent',
      target: { kind: 'invite', id: 'i-1', label: 'erin@acme.example' },
      details: { role: 'member' },
      clientAddress: '203.0.113.7',
    },
    {
      actor: bob,
      action: 'install.started',
      target: { kind: 'install', id: 'a-1', label: 'vm-1' },
      details: { method: 'embedded', version: '1.4.0' },
      clientAddress: '198.51.100.23',
    },
    { actor: { kind: 'license', id: null, label: 'License ID' }, action: 'bundle.uploaded', target: null },
  ]);
  await user.click(await screen.findByRole('link', { name: 'Team' }));
  await user.click(await screen.findByRole('link', { name: 'Audit log' }));
  await screen.findByRole('columnheader', { name: 'From where' });

  const shown = rows();
  expect(shown.map(([, who, what, from]) => [who, what, from])).toEqual([
    ['License ID', 'Uploaded the support bundle (unknown)', 'Unknown'],
    ['bob@acme.example', 'Started the installation vm-1 of version 1.4.0', '198.51.100.23'],
    ['alice@acme.example', 'Invited erin@acme.example as member', '203.0.113.7'],
    ['alice@acme.example', 'Signed in', 'Unknown'],
  ]);
  expect(shown[1]![0]).toMatch(/^Nov 22, 2026/);
  expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  expect(await violations(container)).toEqual([]);

  await user.selectOptions(screen.getByLabelText('Action'), 'Installation started');
  await waitFor(() => expect(rows()).toHaveLength(1));
  expect(rows()[0]![2]).toBe('Started the installation vm-1 of version 1.4.0');
  expect(router.state.location.search).toBe('?tab=audit&action=install.started');

  // The person filter offers everyone in the log; together with the action, nothing matches.
  await user.selectOptions(screen.getByLabelText('Person'), 'alice@acme.example');
  expect(await screen.findByRole('heading', { name: 'No entries match these filters' })).toBeInTheDocument();
  expect(await violations(container)).toEqual([]);
  await user.click(screen.getAllByRole('link', { name: 'Clear filters' })[0]!);
  await waitFor(() => expect(rows()).toHaveLength(4));
  expect(router.state.location.search).toBe('?tab=audit');
});

it('pages with "Load more", and says so when the log cannot be read', async () => {
  const entries = Array.from({ length: 55 }, (_, n) => ({
    actor: bob,
    action: 'install.discarded' as const,
    target: { kind: 'install', id: `a-${n}`, label: `vm-${n}` },
  }));
  // Opened filtered: choosing the filter is the test above's. Chosen here, it raced the list:
  // the unfiltered first page (these same 50 entries, the newest) could pass for the filtered
  // one, then give way to the filtered query's loading state (it failed so in CI once).
  const { user } = await renderApp('/team?tab=audit&action=install.discarded', {
    user: 'alice@acme.example',
    locale: 'de',
    seed: (portal) => seed(portal, entries),
  });
  await waitFor(() => expect(rows()).toHaveLength(50), { timeout: 5000 });
  expect(screen.getByLabelText('Aktion')).toHaveDisplayValue('Installation verworfen');
  expect(rows()[0]![2]).toBe('Hat die Installation vm-54 verworfen');

  mswServer.use(faults.serverError('/api/team/audit', { once: true }));
  // From the keyboard: the button is reached and pressed like any other.
  screen.getByRole('button', { name: 'Mehr laden' }).focus();
  await user.keyboard('{Enter}');
  expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
    'Das Audit-Protokoll konnte nicht geladen werden',
  );
  await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
  // The table comes back once the retry has answered; on a busy machine that takes a while.
  await screen.findByRole('columnheader', { name: 'Von wo' }, { timeout: 15_000 });
  await waitFor(() => expect(rows()).toHaveLength(55), { timeout: 15_000 });
  expect(rows().at(-1)![2]).toBe('Hat die Installation vm-0 verworfen');
  expect(screen.queryByRole('button', { name: 'Mehr laden' })).toBeNull();
});

it('filters on someone the person list no longer holds, named as their entries name them', async () => {
  const { user } = await renderApp('/team?tab=audit&actor=u-0', {
    user: 'alice@acme.example',
    // More people than the list holds, the oldest first: u-0 is left out of it.
    seed: async (portal) => {
      const team = await portal.db.query.teams.findFirst({ where: (t, { eq }) => eq(t.name, 'Acme Corp') });
      await portal.db.insert(auditEvents).values(
        Array.from({ length: AUDIT_ACTORS_MAX }, (_, n) => ({
          teamId: team!.id,
          at: portal.clock.now(),
          actorKind: 'user' as const,
          actorId: `u-${n}`,
          actorLabel: `person-${n}@acme.example`,
          action: 'session.signed_in' as const,
        })),
      );
    },
  });
  const shown = (who: string) => [[expect.any(String), who, 'Signed in', 'Unknown']];
  await waitFor(() => expect(rows()).toEqual(shown('person-0@acme.example')), { timeout: 5000 });
  const person = screen.getByLabelText('Person');
  await waitFor(() => expect(within(person).getAllByRole('option')).toHaveLength(AUDIT_ACTORS_MAX + 2), {
    timeout: 5000,
  });
  expect(person).toHaveDisplayValue('person-0@acme.example');
  await user.selectOptions(person, 'person-1@acme.example');
  await waitFor(() => expect(rows()).toEqual(shown('person-1@acme.example')), { timeout: 5000 });
});

it('offers no Audit tab to a member', async () => {
  const { router } = await renderApp('/team?tab=audit', { user: 'bob@acme.example' });
  expect(await screen.findByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
  expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
  expect(router.state.location.search).toBe('?tab=audit');
  expect(screen.getByRole('heading', { name: 'Members', level: 2 })).toBeInTheDocument();
});

it('says so when the log cannot be read, and reads it again on request', async () => {
  const { user } = await renderApp('/', { user: 'alice@acme.example' });
  await user.click(await screen.findByRole('link', { name: 'Team' }));
  mswServer.use(faults.serverError('/api/team/audit', { once: true }));
  await user.click(await screen.findByRole('link', { name: 'Audit log' }));
  expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
    'The audit log could not be loaded: Something went wrong on our side.',
  );
  // The rest of the page stays usable: the filters and the other tabs are still there.
  expect(screen.getByLabelText('Action')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  await waitFor(() => expect(rows()).toEqual([[expect.any(String), 'alice@acme.example', 'Signed in', 'Unknown']]), {
    timeout: 5000,
  });
});
