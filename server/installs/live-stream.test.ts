import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships, users } from '../db/schema';
import { recordFailure } from './checkpoints';
import { bearer, created, PATH } from '../testing/service-accounts';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

const embedded = { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } };

type SseEvent = { event: string; data: string };

/** Reads a server-sent event stream as a browser would, never waiting longer than asked. */
function eventReader(response: Response) {
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;
  let pending: Promise<ReadableStreamReadResult<string>> | undefined;

  /** The next event; 'ended' once the server has closed the stream; 'timeout' if neither came in time. */
  async function next(withinMs: number): Promise<SseEvent | 'ended' | 'timeout'> {
    const deadline = performance.now() + withinMs;
    while (!buffer.includes('\n\n')) {
      if (ended) return 'ended';
      const left = deadline - performance.now();
      if (left <= 0) return 'timeout';
      // A read still pending from a wait that timed out is kept, so no chunk is lost.
      pending ??= reader.read();
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), left));
      const chunk = await Promise.race([pending, timer]);
      if (chunk === 'timeout') return 'timeout';
      pending = undefined;
      if (chunk.done) ended = true;
      else buffer += chunk.value;
    }
    const end = buffer.indexOf('\n\n');
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    return { event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message', data: /^data: (.*)$/m.exec(block)?.[1] ?? '' };
  }

  /** Everything sent until the stream ends; 'timeout' if it is still open after withinMs. */
  async function untilEnd(withinMs: number): Promise<SseEvent[] | 'timeout'> {
    const deadline = performance.now() + withinMs;
    const seen: SseEvent[] = [];
    for (;;) {
      const event = await next(Math.max(0, deadline - performance.now()));
      if (event === 'ended') return seen;
      if (event === 'timeout') return 'timeout';
      seen.push(event);
    }
  }

  return { next, untilEnd, cancel: () => reader.cancel().catch(() => {}) };
}

async function openStream(portal: TestPortal, email: string) {
  const alice = await portal.signIn('alice@acme.example');
  const { attempt } = await (
    await portal.request('/api/installs', { method: 'POST', cookie: alice, json: embedded })
  ).json();
  const cookie = email === 'alice@acme.example' ? alice : await portal.signIn(email);
  const stream = eventReader(await portal.request(`/api/installs/${attempt.id}/events`, { cookie }));
  const first = await stream.next(5_000);
  expect(first).toMatchObject({ event: 'attempt' });
  const fail = (reason: string) =>
    recordFailure({ db: portal.db, now: portal.clock.now, events: portal.events }, attempt.id, reason);
  return { cookie, stream, fail };
}

const signOut = (portal: TestPortal, cookie: string) =>
  portal.request('/api/auth/session', { method: 'DELETE', cookie });

// Issue 6, defect 8: after sign-out the attempt's event stream kept sending, failure reasons included.
describe('the live attempt stream', () => {
  it('sends nothing more once the session is signed out, not even the next event, and ends', async () => {
    const portal = await createTestPortal(); // the default 15 s re-check: only the event can end it
    const { cookie, stream, fail } = await openStream(portal, 'alice@acme.example');
    expect((await signOut(portal, cookie)).status).toBe(204);
    await fail('disk /dev/sdb1 is full');
    const after = await stream.untilEnd(3_000);
    expect(after).toEqual([]);
  });

  it('ends within the re-check interval of a sign-out, with no event to wake it', async () => {
    const portal = await createTestPortal({ deps: { liveRecheckMs: 100 } });
    const { cookie, stream, fail } = await openStream(portal, 'alice@acme.example');
    expect((await stream.next(2_000)) as SseEvent).toMatchObject({ event: 'attempt' }); // the periodic resend
    expect((await signOut(portal, cookie)).status).toBe(204);
    await fail('disk /dev/sdb1 is full');
    const after = await stream.untilEnd(2_000);
    expect(after).not.toBe('timeout');
    expect(JSON.stringify(after)).not.toContain('sdb1');
  });

  it('ends when the session expires', async () => {
    const portal = await createTestPortal({ deps: { liveRecheckMs: 100 } });
    const { stream } = await openStream(portal, 'alice@acme.example');
    portal.clock.advance(31 * 86_400_000);
    expect(await stream.untilEnd(2_000)).not.toBe('timeout');
  });

  it('ends when the user is no longer on the team, and sends nothing after', async () => {
    const portal = await createTestPortal({ deps: { liveRecheckMs: 100 } });
    const { stream, fail } = await openStream(portal, 'bob@acme.example');
    const [bob] = await portal.db.select().from(users).where(eq(users.email, 'bob@acme.example'));
    await portal.db.delete(memberships).where(eq(memberships.userId, bob!.id));
    await fail('the cluster name is secret-project');
    const after = await stream.untilEnd(2_000);
    expect(after).not.toBe('timeout');
    expect(JSON.stringify(after)).not.toContain('secret-project');
  });

  it('keeps streaming, and re-checking, while the session is valid', async () => {
    const portal = await createTestPortal({ deps: { liveRecheckMs: 100 } });
    const { stream, fail } = await openStream(portal, 'bob@acme.example');
    await fail('image pull failed');
    let event = await stream.next(2_000);
    while (typeof event === 'object' && !event.data.includes('image pull failed')) event = await stream.next(2_000);
    expect(event).toMatchObject({ event: 'attempt' });
    expect(await stream.next(2_000)).toMatchObject({ event: 'attempt' });
    await stream.cancel();
  });

  // Issue 10: a service account's token follows an install as a person does, until it stops working.
  describe('for a service account’s Bearer token', () => {
    async function openBearerStream(portal: TestPortal, expiresOn?: string) {
      const alice = await portal.signIn('alice@acme.example');
      const account = await created(portal, alice, 'ci-bot', expiresOn);
      const started = await bearer(portal, '/api/installs', account.token, {
        method: 'POST',
        body: JSON.stringify(embedded),
        headers: { 'content-type': 'application/json' },
      });
      const { attempt } = await started.json();
      const stream = eventReader(await bearer(portal, `/api/installs/${attempt.id}/events`, account.token));
      expect(await stream.next(5_000)).toMatchObject({ event: 'attempt' });
      expect(await stream.next(2_000)).toMatchObject({ event: 'attempt' }); // the periodic resend
      const fail = (reason: string) =>
        recordFailure({ db: portal.db, now: portal.clock.now, events: portal.events }, attempt.id, reason);
      return { alice, id: account.serviceAccount.id, stream, fail };
    }

    it('ends once the token is revoked, and sends nothing after', async () => {
      const portal = await createTestPortal({ deps: { liveRecheckMs: 100 } });
      const { alice, id, stream, fail } = await openBearerStream(portal);
      expect((await portal.request(`${PATH}/${id}`, { method: 'DELETE', cookie: alice })).status).toBe(204);
      await fail('disk /dev/sdb1 is full');
      const after = await stream.untilEnd(2_000);
      expect(after).not.toBe('timeout');
      expect(JSON.stringify(after)).not.toContain('sdb1');
    });

    it('ends once the token is rotated', async () => {
      const portal = await createTestPortal({ deps: { liveRecheckMs: 100 } });
      const { alice, id, stream } = await openBearerStream(portal);
      const rotated = await portal.request(`${PATH}/${id}/rotate`, { method: 'POST', cookie: alice });
      expect(rotated.status).toBe(200);
      expect(await stream.untilEnd(2_000)).not.toBe('timeout');
    });

    it('ends once the token expires', async () => {
      const portal = await createTestPortal({ deps: { liveRecheckMs: 100 } });
      const { stream } = await openBearerStream(portal, '2026-11-23');
      portal.clock.advance(14 * 3_600_000 + 1); // past 2026-11-23T00:00Z
      expect(await stream.untilEnd(2_000)).not.toBe('timeout');
    });
  });
});
