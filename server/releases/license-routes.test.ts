import { describe, expect, it } from 'vitest';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

const DAY_MS = 86_400_000;

async function licenseFor(portal: TestPortal, email: string) {
  const cookie = await portal.signIn(email);
  const response = await portal.request('/api/license', { cookie });
  expect(response.status).toBe(200);
  return response.json();
}

describe('GET /api/license', () => {
  it("shows Acme's license to alice", async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const me = await (await portal.request('/api/me', { cookie })).json();
    const response = await portal.request('/api/license', { cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      customerId: me.team.id,
      customerName: 'Acme Corp',
      customId: 'CRM-0042',
      licenseId: '2kLp9QvX7mRt4Acme',
      type: 'paid',
      status: 'active',
      createdAt: '2026-11-22T10:00:00.000Z',
      expiresAt: '2027-11-22T10:00:00.000Z',
      channel: { slug: 'stable', name: 'Stable' },
      installTypes: ['helm', 'embedded', 'helm_airgap', 'airgap'],
      entitlements: { gitops: false, identity: true, snapshots: true, support_bundle_upload: true },
      customFields: [
        { name: 'edition', value: 'enterprise' },
        { name: 'seats', value: '250' },
      ],
    });
  });

  it("shows Initech's beta-channel license, without expiry, to dave", async () => {
    const portal = await createTestPortal();
    expect(await licenseFor(portal, 'dave@initech.example')).toMatchObject({
      customerName: 'Initech',
      customId: 'CRM-0311',
      licenseId: '5tRv1KxM9pInitech',
      status: 'active',
      expiresAt: null,
      channel: { slug: 'beta', name: 'Beta' },
      installTypes: ['airgap', 'helm_airgap'],
      entitlements: { gitops: false, identity: false, snapshots: true, support_bundle_upload: true },
      customFields: [
        { name: 'edition', value: 'enterprise' },
        { name: 'region', value: 'eu-central' },
      ],
    });
  });

  it('shows the license as expired once its expiry has passed', async () => {
    const portal = await createTestPortal();
    portal.clock.advance(365 * DAY_MS);
    expect(await licenseFor(portal, 'alice@acme.example')).toMatchObject({
      status: 'expired',
      expiresAt: '2027-11-22T10:00:00.000Z',
    });
    portal.clock.advance(DAY_MS);
    const cookie = await portal.signIn('alice@acme.example');
    const dashboard = await (await portal.request('/api/dashboard', { cookie })).json();
    expect(dashboard.license).toMatchObject({ status: 'expired', daysToExpiry: 0 });
  });
});
