import { Blob as NodeBlob } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createApp } from '../app';
import { demoCatalogueText, readDemoAsset } from '../catalogue/demo';
import { loadCatalogue } from '../catalogue/load';
import { parseCatalogue } from '../catalogue/parse';
import { openPglite } from '../db/pglite';
import type { AppDeps, MailMessage } from '../deps';
import { EventBus } from '../live/event-bus';
import { fileArtifactStore } from '../node/artifacts';

export const TEST_ORIGIN = 'http://portal.test';
const DEFAULT_NOW = new Date('2026-11-22T10:00:00Z');

let shared: ReturnType<typeof openPglite> | undefined;

/** One in-memory PGlite per test file, from the migrated template the global setup made. */
function testDatabase() {
  shared ??= (async () => {
    // Node's Blob, not jsdom's: jsdom's lacks arrayBuffer(), which PGlite reads the template with.
    const template = new NodeBlob([await readFile(inject('pgliteTemplate'))]) as Blob;
    return openPglite({ template });
  })();
  return shared;
}

export class TestClock {
  constructor(private current: Date) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A real BFF on a real (in-memory) PostgreSQL, with the catalogue loaded afresh: every test that
 * calls this starts from the same known data, whatever other tests did before it. `deps` replaces
 * ports (a slow mailer, a short live re-check).
 */
export async function createTestPortal(
  options: { catalogue?: string; now?: Date; publicUrl?: string; deps?: Partial<AppDeps> } = {},
) {
  const { client, db } = await testDatabase();
  const tables = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
  );
  await client.exec(`TRUNCATE ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);

  const clock = new TestClock(options.now ?? DEFAULT_NOW);
  const catalogue = parseCatalogue(options.catalogue ?? demoCatalogueText, 'portico.yaml');
  await loadCatalogue(db, catalogue, readDemoAsset, clock.now());

  const outbox: MailMessage[] = [];
  const events = new EventBus();
  // Work the BFF defers until after it has answered (sign-in emails) runs as it would in a host;
  // request() then waits for it, so a test sees the email once the request returns.
  const deferred = new Set<Promise<unknown>>();
  const defer = (task: () => Promise<unknown>) => {
    const run = new Promise((resolve) => setTimeout(() => resolve(task()), 0));
    const done = () => void deferred.delete(run);
    deferred.add(run);
    run.then(done, done);
  };
  async function settled() {
    while (deferred.size > 0) await Promise.allSettled([...deferred]);
  }
  // A real listening server passes its own address, so links it hands out reach it.
  const origin = options.publicUrl ?? TEST_ORIGIN;
  const app = createApp({
    db,
    publicUrl: origin,
    now: clock.now,
    mailer: { send: async (message) => void outbox.push(message) },
    events,
    artifacts: fileArtifactStore(inject('artifactsDir')),
    defer,
    ...options.deps,
  });

  /** Like a browser on the portal's own origin: sends Origin and the session cookie. */
  async function request(
    path: string,
    init: RequestInit & { cookie?: string; json?: unknown; clientAddress?: string } = {},
  ) {
    const headers = new Headers(init.headers);
    if (!headers.has('origin')) headers.set('origin', origin);
    if (init.cookie) headers.set('cookie', init.cookie);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const bindings = { clientAddress: init.clientAddress }; // what a host would pass
    const response = await app.request(`${origin}${path}`, { ...init, headers, body }, bindings);
    await settled();
    return response;
  }

  function lastLinkToken(email: string): string {
    const message = outbox.findLast((m) => m.to === email);
    const token = message?.action?.url.split('#token=')[1];
    if (!token) throw new Error(`no login link was sent to ${email}`);
    return token;
  }

  /** Signs in through the real login-link flow and returns the session cookie. */
  async function signIn(email: string): Promise<string> {
    const asked = await request('/api/auth/login-links', { method: 'POST', json: { email } });
    if (asked.status !== 202) throw new Error(`login link request failed: ${asked.status}`);
    const session = await request('/api/auth/sessions', { method: 'POST', json: { token: lastLinkToken(email) } });
    if (session.status !== 201) throw new Error(`sign-in failed: ${session.status} ${await session.text()}`);
    const cookie = session.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('no session cookie was set');
    return cookie;
  }

  /**
   * Keeps what the database holds now, and answers a function that puts it back: for tests that
   * try many changes from one starting point (the route matrix) without rebuilding it each time.
   * The copies are temporary tables, outside the public schema the fingerprints read.
   */
  async function snapshot() {
    const names = tables.rows.map((t) => t.tablename);
    for (const name of names) {
      await client.exec(
        `DROP TABLE IF EXISTS pg_temp."snap_${name}"; CREATE TEMP TABLE "snap_${name}" AS TABLE "${name}"`,
      );
    }
    return async function restore() {
      await settled();
      // As a replica applies rows: foreign keys and triggers wait, so the order does not matter.
      await client.exec(`SET session_replication_role = replica`);
      try {
        await client.exec(`TRUNCATE ${names.map((name) => `"${name}"`).join(', ')} CASCADE`);
        for (const name of names) {
          await client.exec(`INSERT INTO "${name}" OVERRIDING SYSTEM VALUE SELECT * FROM pg_temp."snap_${name}"`);
        }
      } finally {
        await client.exec(`SET session_replication_role = DEFAULT`);
      }
      outbox.length = 0;
    };
  }

  return { app, db, clock, outbox, events, request, settled, signIn, lastLinkToken, snapshot };
}

export type TestPortal = Awaited<ReturnType<typeof createTestPortal>>;
