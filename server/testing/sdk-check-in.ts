import { expect } from 'vitest';
import { ACME_LICENSE_ID } from './recorded-requests';
import type { TestPortal } from './test-portal';

export type Report = { state?: string; k8s?: string; sdk?: string; sequence?: string };

/** An SDK check-in with the license ID, as the real SDK sends it. */
export async function sdkCheckIn(portal: TestPortal, instance: string, report: Report = {}, license = ACME_LICENSE_ID) {
  const headers: Record<string, string> = {
    authorization: `Basic ${btoa(`${license}:${license}`)}`,
    'content-type': 'application/json',
    'user-agent': `Replicated-SDK/${report.sdk ?? '1.0.0'}`,
    'x-replicated-instanceid': instance,
    'x-replicated-k8sversion': report.k8s ?? 'v1.31.4+k0s',
    'x-replicated-downstreamchannelsequence': report.sequence ?? '5',
  };
  const body = report.state
    ? {
        resource_states: JSON.stringify([{ kind: 'deployment', name: 'api', namespace: 'atlas', state: report.state }]),
      }
    : {};
  const response = await portal.app.request('http://portal.test/kots_metrics/license_instance/info', {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}
