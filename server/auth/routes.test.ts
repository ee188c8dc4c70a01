import { describe, expect, it } from 'vitest';
import { createTestPortal } from '../testing/test-portal';

describe('passwordless sign-in', () => {
  it('emails a single-use link that signs a known user in to their team', async () => {
    const portal = await createTestPortal();
    const asked = await portal.request('/api/auth/login-links', {
      method: 'POST',
      json: { email: 'Alice@Acme.example ' },
    });
    expect(asked.status).toBe(202);
    expect(portal.outbox).toHaveLength(1);
    const [mail] = portal.outbox;
    expect(mail).toMatchObject({
      to: 'alice@acme.example',
      subject: 'Your sign-in link for Atlas Analytics Enterprise Portal',
    });
    expect(mail!.text).toContain('http://portal.test/login/verify#token=');

    const token = portal.lastLinkToken('alice@acme.example');
    const session = await portal.request('/api/auth/sessions', { method: 'POST', json: { token } });
    expect(session.status).toBe(201);
    expect(session.headers.get('set-cookie')).toMatch(
      /portico_session=.+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax/,
    );
    expect(await session.json()).toMatchObject({
      user: { email: 'alice@acme.example' },
      team: { name: 'Acme Corp', role: 'admin' },
    });

    const reused = await portal.request('/api/auth/sessions', { method: 'POST', json: { token } });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toEqual({
      error: {
        code: 'invalid_link',
        message: 'This sign-in link has already been used. Ask for a new one.',
        details: { reason: 'used' },
      },
    });
  });

  it('answers unknown addresses exactly like known ones and sends them nothing', async () => {
    const portal = await createTestPortal();
    const known = await portal.request('/api/auth/login-links', {
      method: 'POST',
      json: { email: 'alice@acme.example' },
    });
    const unknown = await portal.request('/api/auth/login-links', {
      method: 'POST',
      json: { email: 'mallory@evil.example' },
    });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    expect(portal.outbox.map((m) => m.to)).toEqual(['alice@acme.example']);
  });

  it('refuses a link after 15 minutes and signs nobody in', async () => {
    const portal = await createTestPortal();
    await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'alice@acme.example' } });
    portal.clock.advance(15 * 60_000 + 1);
    const session = await portal.request('/api/auth/sessions', {
      method: 'POST',
      json: { token: portal.lastLinkToken('alice@acme.example') },
    });
    expect(session.status).toBe(400);
    expect(session.headers.get('set-cookie')).toBeNull();
    expect((await session.json()).error.details).toEqual({ reason: 'expired' });
  });

  it('refuses a tampered link', async () => {
    const portal = await createTestPortal();
    await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'alice@acme.example' } });
    const token = portal.lastLinkToken('alice@acme.example');
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const session = await portal.request('/api/auth/sessions', { method: 'POST', json: { token: tampered } });
    expect(session.status).toBe(400);
    expect((await session.json()).error.details).toEqual({ reason: 'unknown' });
  });

  it('rejects an invalid email with the field named, and sends nothing', async () => {
    const portal = await createTestPortal();
    const response = await portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'not-an-email' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Enter a valid email address, like name@example.com.',
        details: { fields: { email: 'Enter a valid email address, like name@example.com.' } },
      },
    });
    expect(portal.outbox).toHaveLength(0);
  });

  it('rate-limits link requests for one address from one client', async () => {
    const portal = await createTestPortal();
    const ask = () => portal.request('/api/auth/login-links', { method: 'POST', json: { email: 'bob@acme.example' } });
    for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(202);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(portal.outbox).toHaveLength(5);
  });

  it('rate-limits link requests per client across addresses', async () => {
    const portal = await createTestPortal();
    const ask = (i: number) =>
      portal.app.request(
        'http://portal.test/api/auth/login-links',
        {
          method: 'POST',
          headers: { origin: 'http://portal.test', 'content-type': 'application/json' },
          body: JSON.stringify({ email: `user${i}@example.com` }),
        },
        { clientAddress: '203.0.113.9' },
      );
    for (let i = 0; i < 30; i++) expect((await ask(i)).status).toBe(202);
    expect((await ask(31)).status).toBe(429);
  });

  it('ends the session on sign-out, so the same cookie is refused after', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    expect((await portal.request('/api/me', { cookie })).status).toBe(200);
    const out = await portal.request('/api/auth/session', { method: 'DELETE', cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/portico_session=;/);
    const after = await portal.request('/api/me', { cookie });
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('unauthenticated');
  });

  it('treats an expired, tampered or unknown session cookie as signed out', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    expect((await portal.request('/api/me', { cookie: cookie + 'x' })).status).toBe(401);
    expect((await portal.request('/api/me', { cookie: 'portico_session=nonsense' })).status).toBe(401);
    portal.clock.advance(31 * 86_400_000);
    expect((await portal.request('/api/me', { cookie })).status).toBe(401);
  });

  it('refuses state-changing requests from another origin', async () => {
    const portal = await createTestPortal();
    const response = await portal.request('/api/auth/login-links', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      json: { email: 'alice@acme.example' },
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('cross_origin');
    expect(portal.outbox).toHaveLength(0);
  });

  it('writes the email in the language the page asked for', async () => {
    const portal = await createTestPortal();
    await portal.request('/api/auth/login-links', {
      method: 'POST',
      json: { email: 'bob@acme.example', locale: 'de' },
    });
    expect(portal.outbox[0]?.subject).toBe('Ihr Anmeldelink für Atlas Analytics Enterprise Portal');
  });
});
