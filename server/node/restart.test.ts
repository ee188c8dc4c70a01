import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { createApp } from '../app';
import { demoCatalogueText, readDemoAsset } from '../catalogue/demo';
import { loadCatalogue } from '../catalogue/load';
import { parseCatalogue } from '../catalogue/parse';
import { migrate } from '../db/migrate';
import type { MailMessage } from '../deps';
import { openDatabase } from './database';

const ORIGIN = 'http://127.0.0.1:8080';
let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** What the Node host does at start, on the embedded database in dataDir. */
async function start(dir: string, outbox: MailMessage[]) {
  const database = await openDatabase({ databaseUrl: null, dataDir: dir, templateFile: inject('pgliteTemplate') });
  await migrate(database.db);
  await loadCatalogue(database.db, parseCatalogue(demoCatalogueText, 'portico.yaml'), readDemoAsset, new Date());
  const app = createApp({ db: database.db, publicUrl: ORIGIN, mailer: { send: async (m) => void outbox.push(m) } });
  const call = (path: string, init: RequestInit = {}) =>
    app.request(`${ORIGIN}${path}`, {
      ...init,
      headers: { origin: ORIGIN, 'content-type': 'application/json', ...init.headers },
    });
  return { database, call };
}

describe('restarting the server', () => {
  it('keeps users, sessions and data in DATA_DIR', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'portico-restart-'));
    const outbox: MailMessage[] = [];
    const first = await start(dataDir, outbox);
    await first.call('/api/auth/login-links', {
      method: 'POST',
      body: JSON.stringify({ email: 'alice@acme.example' }),
    });
    await vi.waitFor(() => expect(outbox).toHaveLength(1)); // sent after the answer
    const token = outbox[0]!.action!.url.split('#token=')[1];
    const session = await first.call('/api/auth/sessions', { method: 'POST', body: JSON.stringify({ token }) });
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    await first.call('/api/me/preferences', {
      method: 'PUT',
      headers: { cookie },
      body: JSON.stringify({ locale: 'de' }),
    });
    const licenseBefore = await (await first.call('/api/license', { headers: { cookie } })).json();
    await first.database.close();

    const second = await start(dataDir, outbox);
    const me = await second.call('/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: 'alice@acme.example', locale: 'de' },
      team: { name: 'Acme Corp' },
    });
    expect(await (await second.call('/api/license', { headers: { cookie } })).json()).toEqual(licenseBefore);
    const reused = await second.call('/api/auth/sessions', { method: 'POST', body: JSON.stringify({ token }) });
    expect(reused.status).toBe(400);
    await second.database.close();
  });
});
