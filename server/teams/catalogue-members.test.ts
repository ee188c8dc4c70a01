import { describe, expect, it } from 'vitest';
import { demoCatalogueText, readDemoAsset } from '../catalogue/demo';
import { loadCatalogue } from '../catalogue/load';
import { parseCatalogue } from '../catalogue/parse';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { accept, invite, members, tokenOf } from './test-helpers';

const BOB = '      - email: bob@acme.example\n        role: member\n';

/** The portal starting again with an edited portico.yaml. */
async function restartWith(portal: TestPortal, text: string) {
  await loadCatalogue(portal.db, parseCatalogue(text, 'portico.yaml'), readDemoAsset, portal.clock.now());
}

describe('a later portico.yaml and the team admins edited (docs/decisions/012-catalogue-members.md)', () => {
  it('a person removed from the file loses access at the next start; invited members stay', async () => {
    expect(demoCatalogueText).toContain(BOB);
    const portal = await createTestPortal();
    const bob = await portal.signIn('bob@acme.example');
    const { alice, body } = await invite(portal, 'erin@acme.example');
    await accept(portal, tokenOf(body.url));
    await restartWith(portal, demoCatalogueText.replace(BOB, ''));
    expect((await members(portal, alice)).map((m) => m.email)).toEqual(['alice@acme.example', 'erin@acme.example']);
    expect((await portal.request('/api/me', { cookie: bob })).status).toBe(401);
  });

  it("keeps an admin's role change of a catalogue member, and applies the file's role change otherwise", async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = (await members(portal, alice)).find((m) => m.email === 'bob@acme.example')!;
    await portal.request(`/api/team/members/${bob.id}`, { method: 'PATCH', cookie: alice, json: { role: 'viewer' } });
    await restartWith(portal, demoCatalogueText);
    expect((await members(portal, alice)).find((m) => m.id === bob.id)!.role).toBe('viewer');

    const promoted = demoCatalogueText.replace(
      '      - email: alice@acme.example\n        role: admin\n',
      '      - email: alice@acme.example\n        role: admin\n      - email: frank@acme.example\n        role: viewer\n',
    );
    await restartWith(portal, promoted);
    await restartWith(
      portal,
      promoted.replace('frank@acme.example\n        role: viewer', 'frank@acme.example\n        role: admin'),
    );
    expect((await members(portal, alice)).find((m) => m.email === 'frank@acme.example')!.role).toBe('admin');
  });

  it('does not bring back a catalogue member an admin removed', async () => {
    const portal = await createTestPortal();
    const alice = await portal.signIn('alice@acme.example');
    const bob = (await members(portal, alice)).find((m) => m.email === 'bob@acme.example')!;
    await portal.request(`/api/team/members/${bob.id}`, { method: 'DELETE', cookie: alice });
    await restartWith(portal, demoCatalogueText);
    expect((await members(portal, alice)).map((m) => m.email)).toEqual(['alice@acme.example']);
  });
});
