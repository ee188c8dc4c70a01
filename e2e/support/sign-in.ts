import type { APIRequestContext } from 'playwright-core';
import { readLoginLink } from './outbox';

/**
 * Signs a browser context in through the BFF, as the SPA would, for tests about what comes after
 * sign-in. The context keeps the session cookie.
 */
export async function signInByApi(request: APIRequestContext, baseURL: string, dataDir: string, email: string) {
  const headers = { origin: baseURL }; // The BFF refuses state changes from other origins.
  const since = new Date();
  const asked = await request.post(`${baseURL}/api/auth/login-links`, { headers, data: { email } });
  if (asked.status() !== 202) throw new Error(`Asking for a link answered ${asked.status()}: ${await asked.text()}`);
  const link = await readLoginLink(dataDir, email, since);
  const token = new URL(link).hash.replace(/^#token=/, '');
  const session = await request.post(`${baseURL}/api/auth/sessions`, { headers, data: { token } });
  if (session.status() !== 201) throw new Error(`Signing in answered ${session.status()}: ${await session.text()}`);
}
