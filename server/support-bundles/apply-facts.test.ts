import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { BundleFacts } from '../../contract/support-bundle-facts';
import { instanceEvents, instances, teams } from '../db/schema';
import { createTestPortal, type TestPortal } from '../testing/test-portal';
import { applyBundleFacts } from './apply-facts';
import { inspectBundle } from './inspect';

const fixture = async (name: string) =>
  new Blob([await readFile(new URL(`./fixtures/${name}`, import.meta.url))]).stream();

async function factsOf(name: string): Promise<BundleFacts> {
  const result = await inspectBundle(await fixture(name));
  if (!result.ok) throw new Error(result.refusal.message);
  return result.facts;
}

const teamIdOf = async (portal: TestPortal, name: string) =>
  (await portal.db.select({ id: teams.id }).from(teams).where(eq(teams.name, name)))[0]!.id;

describe('applyBundleFacts: what a bundle tells the team’s air-gap instances', () => {
  it('creates the air-gap instance an SDK report names, with its latest state; the same bundle again changes nothing', async () => {
    const portal = await createTestPortal();
    const teamId = await teamIdOf(portal, 'Acme Corp');
    const facts = await factsOf('airgap-acme.tar.gz');
    const outcome = await applyBundleFacts(portal.db, { teamId, instanceId: null, facts, now: portal.clock.now() });
    expect(outcome).toEqual({ ok: true, instanceId: expect.any(String) });

    const [instance] = await portal.db.select().from(instances).where(eq(instances.teamId, teamId));
    expect(instance).toMatchObject({
      externalId: '5f1d2c3b-8e9a-4b7c-9d0e-1a2b3c4d5e6f',
      airgap: true,
      status: 'degraded',
      customMetrics: { active_users: 150, sso_enabled: true },
      details: {
        versionLabel: '1.4.0',
        k8sVersion: 'v1.30.4+k0s',
        k8sDistribution: 'embedded-cluster',
        sdkVersion: '1.19.6',
        tags: { name: 'prod-east' },
        nodes: { total: 3, ready: 2 },
      },
    });
    expect(instance!.dataAt?.toISOString()).toBe('2026-11-19T08:00:00.000Z');
    expect(instance!.firstCheckInAt?.toISOString()).toBe('2026-11-01T08:00:00.000Z');

    const eventsBefore = await portal.db.select().from(instanceEvents);
    const again = await applyBundleFacts(portal.db, { teamId, instanceId: null, facts, now: portal.clock.now() });
    expect(again).toEqual(outcome);
    expect(await portal.db.select().from(instances).where(eq(instances.teamId, teamId))).toEqual([instance]);
    expect(await portal.db.select().from(instanceEvents)).toEqual(eventsBefore);
  });

  it('gives a record entered by hand the reported id of its first bundle', async () => {
    const portal = await createTestPortal();
    const teamId = await teamIdOf(portal, 'Initech');
    const recordId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    await portal.db.insert(instances).values({
      id: recordId,
      teamId,
      airgap: true,
      source: 'manual',
      name: 'vault-dc1',
      details: { versionLabel: '1.3.0' },
      dataAt: new Date('2026-10-01T00:00:00Z'),
    });
    const facts = await factsOf('airgap-initech.tar.gz');
    const outcome = await applyBundleFacts(portal.db, { teamId, instanceId: recordId, facts, now: portal.clock.now() });
    expect(outcome).toEqual({ ok: true, instanceId: recordId });
    const rows = await portal.db.select().from(instances).where(eq(instances.teamId, teamId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: recordId,
      name: 'vault-dc1',
      externalId: 'initech-instance-1',
      status: 'ready',
      details: { k8sVersion: 'v1.31.2+rke2r1', k8sDistribution: 'rke2' },
    });
    expect(rows[0]!.dataAt!.getTime()).toBeGreaterThan(new Date('2026-10-01T00:00:00Z').getTime());
  });

  it('refuses a bundle collected with another customer’s license, and records nothing', async () => {
    const portal = await createTestPortal();
    const teamId = await teamIdOf(portal, 'Acme Corp');
    const facts = await factsOf('airgap-initech.tar.gz');
    const outcome = await applyBundleFacts(portal.db, { teamId, instanceId: null, facts, now: portal.clock.now() });
    expect(outcome).toEqual({
      ok: false,
      refusal: { code: 'license_mismatch', message: expect.stringContaining('another customer’s license') },
    });
    expect(await portal.db.select().from(instances)).toEqual([]);
  });

  it('refreshes the Kubernetes facts of the air-gap instance a plain bundle was uploaded for, once', async () => {
    const portal = await createTestPortal();
    const teamId = await teamIdOf(portal, 'Initech');
    const recordId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const old = new Date('2025-01-01T00:00:00Z');
    await portal.db
      .insert(instances)
      .values({ id: recordId, teamId, airgap: true, source: 'manual', name: 'r1', dataAt: old });
    const facts: BundleFacts = {
      collectedAt: '2025-12-10T17:27:11.000Z',
      troubleshootVersion: 'v0.123.14',
      k8sVersion: 'v1.31.2+k3s1',
      k8sDistribution: 'k3s',
      nodes: { total: 1, ready: 1 },
      analysis: null,
      licenseIds: [],
      instanceReports: [],
    };
    await applyBundleFacts(portal.db, { teamId, instanceId: recordId, facts, now: portal.clock.now() });
    const [row] = await portal.db.select().from(instances).where(eq(instances.id, recordId));
    expect(row!.details).toEqual({ k8sVersion: 'v1.31.2+k3s1', k8sDistribution: 'k3s', nodes: { total: 1, ready: 1 } });
    expect(row!.dataAt?.toISOString()).toBe('2025-12-10T17:27:11.000Z');

    // An older bundle afterwards does not overwrite newer data.
    const older = { ...facts, collectedAt: '2025-06-01T00:00:00.000Z', k8sVersion: 'v1.29.0+k3s1' };
    await applyBundleFacts(portal.db, { teamId, instanceId: recordId, facts: older, now: portal.clock.now() });
    const [after] = await portal.db.select().from(instances).where(eq(instances.id, recordId));
    expect(after!.details.k8sVersion).toBe('v1.31.2+k3s1');
  });

  it('refuses facts holding NUL characters rather than failing to store them', async () => {
    const portal = await createTestPortal();
    const teamId = await teamIdOf(portal, 'Acme Corp');
    const facts = await factsOf('airgap-acme.tar.gz');
    const poisoned = { ...facts, instanceReports: [{ ...facts.instanceReports[0]!, versionLabel: '1.4.0\u0000' }] };
    const outcome = await applyBundleFacts(portal.db, {
      teamId,
      instanceId: null,
      facts: poisoned,
      now: portal.clock.now(),
    });
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'unsafe_text' } });
    expect(await portal.db.select().from(instances)).toEqual([]);
  });
});
