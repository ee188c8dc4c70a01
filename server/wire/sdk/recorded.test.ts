import { describe, expect, it } from 'vitest';
import { instances } from '../../db/schema';
import { checkpointTimes, startInstall } from '../../testing/ingest-client';
import { ACME_LICENSE_ID, kotsAppInfo, replay, sdkInstanceData, tagData } from '../../testing/recorded-requests';
import type { TestPortal } from '../../testing/test-portal';
import { createTestPortal } from '../../testing/test-portal';

const listed = async (portal: TestPortal, cookie: string) =>
  (await (await portal.request('/api/instances', { cookie })).json()).instances;

describe('check-ins as the real clients send them (issue 7)', () => {
  it("records everything the Replicated SDK sends, named by the customer's name tag", async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const response = await replay(portal, sdkInstanceData(install.token, { name: 'Prod cluster', env: 'eu' }));
    expect(response.status).toBe(200);

    const [instance] = await portal.db.select().from(instances);
    expect(instance).toMatchObject({
      externalId: '2vQ1kE8mX0cJ9bT4rZ7yW3nP6sA',
      status: 'ready',
      details: {
        clusterId: '5c0a7a8e-1f3b-4c3e-9d8a-2b6f7e1d9c40',
        channelName: 'Stable',
        channelSequence: 5,
        versionLabel: '1.4.0',
        sdkVersion: 'v1.0.0',
        tags: { name: 'Prod cluster', env: 'eu' },
      },
    });
    const [shown] = await listed(portal, install.cookie);
    expect(shown.name).toBe('Prod cluster');
    expect(checkpointTimes(await install.read()).instance_ready).not.toBeNull();
  });

  it('takes a KOTS check-in, which has no body at all, with its own app status', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const response = await replay(portal, kotsAppInfo(install.token));
    expect(response.status).toBe(200);
    const [instance] = await portal.db.select().from(instances);
    expect(instance).toMatchObject({ externalId: '2vQ3kotsAppId0000000000000a', status: 'degraded' });
    expect(instance!.details.clusterId).toBeUndefined();
    // KOTS sends 0 of 0 nodes for a cluster that is not kURL: no count, rather than "0 nodes".
    expect(instance!.details.nodes).toBeUndefined();
    const [shown] = await listed(portal, install.cookie);
    expect(shown.name).toBe(install.attempt.name);
    expect(shown.installMethod).toBe(install.attempt.method);
  });

  it("keeps KOTS's kURL node counts, and refuses a count that is not a number", async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const response = await replay(portal, kotsAppInfo(install.token), (h) => {
      h.set('X-Replicated-Kurlnodecounttotal', '3');
      h.set('X-Replicated-Kurlnodecountready', '2');
    });
    expect(response.status).toBe(200);
    const [instance] = await portal.db.select().from(instances);
    expect(instance!.details.nodes).toEqual({ total: 3, ready: 2 });

    const refused = await replay(portal, kotsAppInfo(install.token), (h) =>
      h.set('X-Replicated-Kurlnodecounttotal', '-1'),
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toContain('X-Replicated-KurlNodeCountTotal');
    const [unchanged] = await portal.db.select().from(instances);
    expect(unchanged!.details.nodes).toEqual({ total: 3, ready: 2 });
  });

  it("uses the SDK's app status when its resource states are an empty list", async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const request = { ...sdkInstanceData(install.token), body: JSON.stringify({ resource_states: '[]' }) };
    const response = await replay(portal, request, (h) => h.set('X-Replicated-AppStatus', 'updating'));
    expect(response.status).toBe(200);
    const [instance] = await portal.db.select().from(instances);
    expect(instance!.status).toBe('updating');
  });

  it("keeps Embedded Cluster's own id and version beside the SDK's cluster id", async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const response = await replay(portal, sdkInstanceData(install.token), (h) => {
      h.set('X-Replicated-EmbeddedClusterID', 'ec-cluster-7');
      h.set('X-Replicated-EmbeddedClusterVersion', '2.4.0+k8s-1.31');
    });
    expect(response.status).toBe(200);
    const [instance] = await portal.db.select().from(instances);
    expect(instance!.details).toMatchObject({
      clusterId: '5c0a7a8e-1f3b-4c3e-9d8a-2b6f7e1d9c40',
      embeddedClusterId: 'ec-cluster-7',
      embeddedClusterVersion: '2.4.0+k8s-1.31',
    });
  });

  it("names the version from the license's channel ID and the sequence, and no other channel's", async () => {
    const portal = await createTestPortal();
    const versionOf = async (channelId: string, sequence: string) => {
      const response = await replay(portal, sdkInstanceData(ACME_LICENSE_ID), (h) => {
        h.delete('X-Replicated-Downstreamchannelname');
        h.set('X-Replicated-Downstreamchannelid', channelId);
        h.set('X-Replicated-Downstreamchannelsequence', sequence);
      });
      expect(response.status).toBe(200);
      const [instance] = await portal.db.select().from(instances);
      return instance!.details.versionLabel;
    };
    // The demo catalogue's stable channel ID, as in the license the SDK runs with.
    expect(await versionOf('2kLp9QvX7mRt4StableCh', '3')).toBe('1.2.0');
    expect(await versionOf('2kLp9QvX7mRt4BetaChnl', '1')).toBeUndefined();
  });

  it('refuses tag data that is not what the SDK sends, with the reason, and records nothing', async () => {
    const portal = await createTestPortal();
    const install = await startInstall(portal, 'alice@acme.example');
    const message = 'X-Replicated-InstanceTagData must be base64 of {"force": bool, "tags": {name: value}}.';
    for (const value of ['%%%', btoa('not json'), btoa('{"tags":{"name":5}}'), btoa('[]'), tagData({ '': 'x' })]) {
      const response = await replay(portal, sdkInstanceData(install.token), (h) =>
        h.set('X-Replicated-InstanceTagData', value),
      );
      expect(response.status, value).toBe(400);
      const { error } = await response.json();
      expect(Object.keys(error.details.fields), value).toEqual(['X-Replicated-InstanceTagData']);
      if (value !== tagData({ '': 'x' })) expect(error.message, value).toBe(message);
    }
    expect(await portal.db.select().from(instances)).toEqual([]);
  });
});
