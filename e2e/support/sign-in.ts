import type { APIRequestContext } from 'playwright-core';
import { readLoginLink } from './outbox';

/** POSTs JSON from the portal's own origin (the BFF refuses state changes from other origins). */
type Post = (path: string, json: unknown) => Promise<{ status: number; text: () => Promise<string> }>;

/** The SPA's sign-in: ask for a link, read it from the outbox, exchange its token for a session. */
async function signInWith(post: Post, dataDir: string, email: string) {
  const since = new Date();
  const asked = await post('/api/auth/login-links', { email });
  if (asked.status !== 202) throw new Error(`Asking for a link answered ${asked.status}: ${await asked.text()}`);
  const token = new URL(await readLoginLink(dataDir, email, since)).hash.replace(/^#token=/, '');
  const session = await post('/api/auth/sessions', { token });
  if (session.status !== 201) throw new Error(`Signing in answered ${session.status}: ${await session.text()}`);
}

/**
 * Signs a browser context in through the BFF, for tests about what comes after sign-in. The
 * context keeps the session cookie as the server set it. Tests use e2e/fixtures/signed-in.ts.
 */
export async function signInByApi(request: APIRequestContext, baseURL: string, dataDir: string, email: string) {
  const post: Post = async (path, data) => {
    const response = await request.post(`${baseURL}${path}`, { headers: { origin: baseURL }, data });
    return { status: response.status(), text: () => response.text() };
  };
  await signInWith(post, dataDir, email);
}

/** Signs in from Node, without a browser, and returns the session's `Cookie` header. */
export async function signInWithFetch(baseURL: string, dataDir: string, email: string): Promise<string> {
  let cookie: string | undefined;
  const post: Post = async (path, json) => {
    const response = await fetch(`${baseURL}${path}`, {
      method: 'POST',
      headers: { origin: baseURL, 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    cookie ??= response.headers.getSetCookie().find((c) => c.startsWith('portico_session='));
    return response;
  };
  await signInWith(post, dataDir, email);
  if (!cookie) throw new Error('Signing in set no portico_session cookie.');
  return cookie.split(';')[0]!;
}
