import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi, type TestContext } from 'vitest';
import { createApp } from '../app';
import { demoCatalogueText, readDemoAsset } from '../catalogue/demo';
import { loadCatalogue } from '../catalogue/load';
import { parseCatalogue } from '../catalogue/parse';
import { migrate, migrations } from '../db/migrate';
import type { MailMessage } from '../deps';
import { ensureDebianPackage } from '../../scripts/testing/debian-package.mjs';
import { openDatabase, type OpenDatabase } from './database';

/*
 * The DATABASE_URL path against a real PostgreSQL server, which this file starts in a temp
 * directory on a free port and stops at the end. Skipped, with the reason, without PostgreSQL.
 */

const run = promisify(execFile);
const ORIGIN = 'http://portal.test';
const NOW = new Date('2026-11-22T10:00:00Z');
const isRoot = process.getuid?.() === 0;

/** Runs a command with a deadline, so a stuck server fails the test instead of hanging it. */
async function sh(command: string, args: string[], timeoutMs = 20_000) {
  // PostgreSQL refuses to run as root; as root, run its tools as the postgres user.
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return run(file, argv, { timeout: timeoutMs, killSignal: 'SIGKILL' });
}

function findBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  return found ?? null;
}

/** Finds initdb and pg_ctl, installing PostgreSQL first when running as root; else why not. */
async function findPostgres(): Promise<{ bin: string } | { skip: string }> {
  const missing = await ensureDebianPackage('postgresql', () => findBinDir() !== null);
  const bin = findBinDir();
  if (missing || !bin)
    return { skip: missing ?? 'PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql)' };
  if (isRoot) {
    const user = await run('id', ['-u', 'postgres'], { timeout: 5_000 }).catch(() => null);
    if (!user) return { skip: 'running as root, and there is no postgres user to run PostgreSQL as' };
  }
  return { bin };
}

async function postgresIds() {
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'], { timeout: 5_000 })).stdout);
  return { uid: await id('-u'), gid: await id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

let skipReason: string | null = null;
let dir: string | null = null;
let pgCtl: string | null = null;
let serverUrl: string | null = null;
let databases = 0;

beforeAll(async () => {
  const found = await findPostgres().catch((error: unknown) => ({
    skip: `PostgreSQL could not be installed: ${String(error)}`,
  }));
  if ('skip' in found) {
    skipReason = found.skip;
    return;
  }
  pgCtl = join(found.bin, 'pg_ctl');
  dir = await mkdtemp(join(tmpdir(), 'portico-pg-'));
  if (isRoot) {
    const { uid, gid } = await postgresIds();
    await chown(dir, uid, gid);
  }
  const dataDir = join(dir, 'data');
  const port = await freePort();
  await sh(join(found.bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  await sh(pgCtl, [
    'start',
    '-D',
    dataDir,
    '-w',
    '-t',
    '20',
    '-l',
    join(dir, 'postgres.log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off`,
  ]);
  serverUrl = `postgres://postgres@127.0.0.1:${port}`;
}, 600_000);

afterAll(async () => {
  if (pgCtl && dir) await sh(pgCtl, ['stop', '-D', join(dir, 'data'), '-m', 'immediate'], 15_000).catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * A new, empty database on the server, opened the way the Node host opens DATABASE_URL; closed
 * when the test ends. Skips the test, saying why, where there is no PostgreSQL.
 */
async function emptyDatabase(ctx: TestContext): Promise<OpenDatabase['db']> {
  if (skipReason) ctx.skip(skipReason);
  if (!serverUrl || !dir) throw new Error('PostgreSQL did not start');
  const name = `portico_${++databases}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openDatabase({
    databaseUrl: `${serverUrl}/${name}`,
    dataDir: dir,
    templateFile: join(dir, 'unused-template.tar.gz'),
  });
  ctx.onTestFinished(() => database.close());
  return database.db;
}

describe('Portico on PostgreSQL (DATABASE_URL)', () => {
  it('migrates an empty database, and a second run applies nothing', async (ctx) => {
    const db = await emptyDatabase(ctx);
    const first = await migrate(db);
    expect(first).toEqual(migrations.map((m) => m.name));
    expect(first).toContain('0001_foundation.sql');
    expect(await migrate(db)).toEqual([]);
  });

  it('loads the demo catalogue and serves a signed-in dashboard', async (ctx) => {
    const db = await emptyDatabase(ctx);
    await migrate(db);
    const catalogue = parseCatalogue(demoCatalogueText, 'portico.yaml');
    await loadCatalogue(db, catalogue, readDemoAsset, NOW);
    // A restart loads it again; nothing may be duplicated.
    await loadCatalogue(db, catalogue, readDemoAsset, new Date(NOW.getTime() + 86_400_000));

    const outbox: MailMessage[] = [];
    const app = createApp({
      db,
      publicUrl: ORIGIN,
      now: () => NOW,
      mailer: { send: async (message) => void outbox.push(message) },
    });
    const post = (path: string, json: unknown) =>
      app.request(`${ORIGIN}${path}`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });

    expect((await app.request(`${ORIGIN}/api/health`)).status).toBe(200);
    expect((await post('/api/auth/login-links', { email: 'alice@acme.example' })).status).toBe(202);
    await vi.waitFor(() => expect(outbox).toHaveLength(1)); // sent after the answer
    const token = outbox.at(-1)?.action?.url.split('#token=')[1];
    expect(token).toBeTruthy();
    const session = await post('/api/auth/sessions', { token });
    expect(session.status).toBe(201);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;

    const dashboard = await app.request(`${ORIGIN}/api/dashboard`, { headers: { cookie } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.json()).toEqual({
      installOptions: ['helm', 'embedded', 'helm_airgap', 'airgap'],
      instances: { active: 0, inactive: 0, airgap: 0, archived: 0 },
      license: { type: 'paid', status: 'active', expiresAt: '2027-11-22T10:00:00.000Z', daysToExpiry: 365 },
      supportBundles: 0,
      team: { members: 2, serviceAccounts: 0 },
    });
    const releases = await app.request(`${ORIGIN}/api/releases`, { headers: { cookie } });
    expect((await releases.json()).releases).toHaveLength(5);
  });
});
