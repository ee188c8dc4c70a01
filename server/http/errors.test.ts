import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { Logger } from '../deps';
import { createTestPortal, TEST_ORIGIN } from '../testing/test-portal';

type Line = { level: 'info' | 'error'; message: string; fields?: Record<string, unknown> };

/** The BFF over the test database, with a logger that keeps what it is told. */
async function appWithLog() {
  const portal = await createTestPortal();
  const lines: Line[] = [];
  const logger: Logger = {
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
  const app = createApp({ db: portal.db, mailer: { send: async () => {} }, publicUrl: TEST_ORIGIN, logger });
  // Stand-ins for a handler whose input got past every check, and for a real fault.
  app.get('/api/probe/nul', async (c) => c.json(await portal.db.execute(sql`SELECT ${'a\u0000b'}::text`)));
  app.get('/api/probe/cast', async (c) => c.json(await portal.db.execute(sql`SELECT ${'not a number'}::integer`)));
  app.get('/api/probe/fault', () => {
    throw new Error('a bug of ours');
  });
  return { app, lines };
}

describe('the safety net behind the validators (issue 6, defect 4)', () => {
  it.each(['/api/probe/nul', '/api/probe/cast'])(
    'answers a PostgreSQL data error from %s with 400, logged as one line without a stack',
    async (path) => {
      const { app, lines } = await appWithLog();
      const response = await app.request(`${TEST_ORIGIN}${path}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'bad_request', message: 'The request holds a value the portal cannot store or look up.' },
      });
      expect(lines).toEqual([
        { level: 'info', message: 'request refused', fields: { method: 'GET', path, reason: expect.any(String) } },
      ]);
      const reason = String(lines[0]!.fields!.reason);
      expect(reason).not.toContain('\n');
      expect(reason).not.toMatch(/Failed query|SELECT/);
    },
  );

  it('answers a real fault with 500, and logs its stack', async () => {
    const { app, lines } = await appWithLog();
    const response = await app.request(`${TEST_ORIGIN}/api/probe/fault`);
    expect(response.status).toBe(500);
    expect((await response.json()).error.code).toBe('internal');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', message: 'unhandled error' });
    expect(String(lines[0]!.fields!.error)).toMatch(/a bug of ours\n\s+at /);
  });

  it('logs nothing for an answer given on purpose', async () => {
    const { app, lines } = await appWithLog();
    expect((await app.request(`${TEST_ORIGIN}/api/me`)).status).toBe(401);
    expect((await app.request(`${TEST_ORIGIN}/api/installs/%00`)).status).toBe(404);
    expect(lines).toEqual([]);
  });
});
