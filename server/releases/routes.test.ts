import { describe, expect, it } from 'vitest';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

async function releasesFor(portal: TestPortal, email: string) {
  const cookie = await portal.signIn(email);
  const response = await portal.request('/api/releases', { cookie });
  expect(response.status).toBe(200);
  return response.json();
}

describe('GET /api/releases', () => {
  it('lists the Stable releases newest first to alice, with 1.2.0 required', async () => {
    const portal = await createTestPortal();
    const list = await releasesFor(portal, 'alice@acme.example');
    expect(list.channel).toEqual({ slug: 'stable', name: 'Stable' });
    expect(list.releases).toMatchObject([
      { version: '1.4.0', sequence: 5, required: false, releasedAt: '2026-10-20T00:00:00.000Z' },
      { version: '1.3.0', sequence: 4, required: false, releasedAt: '2026-08-11T00:00:00.000Z' },
      { version: '1.2.0', sequence: 3, required: true, releasedAt: '2026-06-01T00:00:00.000Z' },
      { version: '1.1.0', sequence: 2, required: false, releasedAt: '2026-04-14T00:00:00.000Z' },
      { version: '1.0.0', sequence: 1, required: false, releasedAt: '2026-03-02T00:00:00.000Z' },
    ]);
  });

  it('returns release notes as the vendor wrote them, markdown and all', async () => {
    const portal = await createTestPortal();
    const { releases } = await releasesFor(portal, 'alice@acme.example');
    const notes = Object.fromEntries(releases.map((r: { version: string; notes: string }) => [r.version, r.notes]));
    expect(notes['1.1.0']).toBe(
      '### New\n- Row-level security for shared dashboards\n- Export any chart as PNG or CSV\n\n' +
        '### Fixed\n- Timezone drift in weekly reports\n',
    );
    expect(notes['1.3.0']).toBe(
      '- SAML single sign-on for the Atlas UI\n- New `atlas-cli export` command\n' +
        '- See the [upgrade guide](https://docs.atlas.example/upgrade/1.3) for new settings\n',
    );
  });

  it('lists only the Beta release to dave', async () => {
    const portal = await createTestPortal();
    expect(await releasesFor(portal, 'dave@initech.example')).toEqual({
      channel: { slug: 'beta', name: 'Beta' },
      releases: [
        {
          version: '1.5.0-beta.1',
          sequence: 1,
          required: false,
          releasedAt: '2026-11-09T00:00:00.000Z',
          notes:
            'Preview of 1.5.0. Not for production use.\n\n- Natural-language queries (experimental)\n- Arm64 images\n',
        },
      ],
    });
  });
});

describe('GET /api/releases/:version/images', () => {
  it("lists the release's container images from the vendor's OCI layout, without the chart", async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const response = await portal.request('/api/releases/1.4.0/images', { cookie });
    expect(await response.json()).toEqual({
      images: [
        { repository: 'atlas-api', tag: '1.4.0' },
        { repository: 'atlas-web', tag: '1.4.0' },
      ],
    });
    expect((await portal.request('/api/releases/1.5.0-beta.1/images', { cookie })).status).toBe(404);
  });
});
