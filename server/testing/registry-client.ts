import { expect } from 'vitest';
import type { CreateInstallInput, InstallAttempt, InstallAttemptWithToken } from '../../contract/installs';
import type { TestPortal } from './test-portal';

// Test-only helpers shared by the registry tests: installs started through the real API, and
// registry requests as docker/helm send them.

export const ACME_HELM_ONLINE: CreateInstallInput = {
  method: 'helm',
  name: 'cluster-1',
  version: '1.4.0',
  options: { network: 'online', kubernetesDistribution: 'vanilla', registryAccess: 'online' },
};

export const INITECH_HELM_AIRGAP: CreateInstallInput = {
  method: 'helm',
  name: 'vault-1',
  version: '1.5.0-beta.1',
  options: { network: 'airgap', kubernetesDistribution: 'vanilla', registryAccess: 'offline' },
};

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** Signs in as `email`, starts an install and returns its token and a way to read it back. */
export async function startInstall(portal: TestPortal, email: string, input: CreateInstallInput) {
  const cookie = await portal.signIn(email);
  const created = await portal.request('/api/installs', { method: 'POST', cookie, json: input });
  expect(created.status).toBe(201);
  const { attempt, token } = (await created.json()) as InstallAttemptWithToken;
  return {
    id: attempt.id,
    token,
    cookie,
    /** The checkpoint times as the portal's page shows them, by name. */
    async checkpoints(): Promise<Record<string, string | null>> {
      const response = await portal.request(`/api/installs/${attempt.id}`, { cookie });
      expect(response.status).toBe(200);
      const read = (await response.json()) as InstallAttempt;
      return Object.fromEntries(read.checkpoints.map((c) => [c.name, c.at]));
    },
  };
}

export const basic = (token: string, username = 'alice@acme.example') => `Basic ${btoa(`${username}:${token}`)}`;

/** A registry request; `auth` is the whole Authorization header. */
export function registry(portal: TestPortal, path: string, auth?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (auth) headers.set('authorization', auth);
  return portal.app.request(`http://portal.test${path}`, { ...init, headers });
}

export async function sha256(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return `sha256:${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function expectOciError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { errors: { code: string; message: string }[] };
  expect(body.errors).toEqual([{ code, message: expect.any(String) }]);
}
