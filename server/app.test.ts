import { describe, expect, it } from 'vitest';
import { createTestPortal } from './testing/test-portal';

const signedInReads = ['/api/me', '/api/dashboard', '/api/license', '/api/releases', '/api/team/members'];

describe('the BFF', () => {
  it('answers the health check', async () => {
    const portal = await createTestPortal();
    const response = await portal.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each(signedInReads)('answers GET %s with 401 when signed out', async (path) => {
    const portal = await createTestPortal();
    const response = await portal.request(path);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Your session has ended. Sign in again.' },
    });
  });

  it.each(signedInReads)('answers GET %s with 401 for a tampered or unknown session cookie', async (path) => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    for (const bad of [`${cookie}x`, 'portico_session=nonsense', 'portico_session=%E0%A4%A', 'portico_session=']) {
      const response = await portal.request(path, { cookie: bad });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('unauthenticated');
    }
  });

  it('refuses changes when signed out', async () => {
    const portal = await createTestPortal();
    const team = await portal.request('/api/me/team', { method: 'PUT', json: { teamId: 'x' } });
    const preferences = await portal.request('/api/me/preferences', { method: 'PUT', json: { locale: 'de' } });
    expect([team.status, preferences.status]).toEqual([401, 401]);
  });

  it('answers an unknown API route with 404 in the error shape, signed in or not', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    for (const init of [{}, { cookie }]) {
      const response = await portal.request('/api/nope', init);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: 'No API route matches GET /api/nope.' },
      });
    }
    const deeper = await portal.request('/api/dashboard/extra', { cookie });
    expect(deeper.status).toBe(404);
    expect((await deeper.json()).error.code).toBe('not_found');
    const wrongMethod = await portal.request('/api/license', { method: 'DELETE', cookie });
    expect(wrongMethod.status).toBe(404);
    expect((await wrongMethod.json()).error.code).toBe('not_found');
  });

  it('refuses a body that is not JSON with 400 bad_request', async () => {
    const portal = await createTestPortal();
    const notJson = { 'content-type': 'application/json' };
    const link = await portal.request('/api/auth/login-links', {
      method: 'POST',
      headers: notJson,
      body: 'email=alice@acme.example',
    });
    expect(link.status).toBe(400);
    expect(await link.json()).toEqual({
      error: { code: 'bad_request', message: 'The request body must be valid JSON.' },
    });
    expect(portal.outbox).toHaveLength(0);

    const cookie = await portal.signIn('alice@acme.example');
    const preferences = await portal.request('/api/me/preferences', {
      method: 'PUT',
      cookie,
      headers: notJson,
      body: '{"locale":',
    });
    expect(preferences.status).toBe(400);
    expect((await preferences.json()).error.code).toBe('bad_request');
  });

  it('sends security headers with every API answer', async () => {
    const portal = await createTestPortal();
    const response = await portal.request('/api/branding');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
