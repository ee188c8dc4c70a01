import type { ServiceAccountWithToken } from '../../contract/service-accounts';
import type { TestPortal } from './test-portal';

/** Test helpers for the service-account tests (not production code). */
export const PATH = '/api/team/service-accounts';

export async function createAccount(portal: TestPortal, cookie: string, json: unknown) {
  return portal.request(PATH, { method: 'POST', cookie, json });
}

export async function created(portal: TestPortal, cookie: string, name: string, expiresOn?: string) {
  const answer = await createAccount(portal, cookie, { name, expiresOn });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as ServiceAccountWithToken;
}

/** A Bearer request from automation: no cookie, no Origin. */
export function bearer(portal: TestPortal, path: string, token: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return portal.app.request(`http://portal.test${path}`, { ...init, headers });
}

/** The demo catalogue plus a viewer, eve, on Acme. */
export function withViewer(catalogue: string) {
  return catalogue.replace(
    '      - email: bob@acme.example\n        role: member',
    '      - email: bob@acme.example\n        role: member\n      - email: eve@acme.example\n        role: viewer',
  );
}
