import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestPortal, type TestPortal } from '../testing/test-portal';

const embedded = { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } };

const create = (portal: TestPortal, cookie: string, name: string) =>
  portal.request('/api/installs', { method: 'POST', cookie, json: { ...embedded, name } });

const rename = (portal: TestPortal, cookie: string, id: string, name: string) =>
  portal.request(`/api/installs/${id}`, { method: 'PATCH', cookie, json: { name } });

async function names(portal: TestPortal, cookie: string) {
  const { attempts } = await (await portal.request('/api/installs', { cookie })).json();
  return (attempts as { name: string; serviceAccount: { name: string } | null }[])
    .map((a) => `${a.name}/${a.serviceAccount?.name}`)
    .sort();
}

/** The one refusal a race must end in: 409, naming the field, as checkNameFree words it. */
async function expectNameTaken(response: Response, name: string) {
  expect(response.status).toBe(409);
  const message = `An installation or service account named "${name}" already exists.`;
  expect(await response.json()).toEqual({
    error: { code: 'conflict', message, details: { fields: { name: message } } },
  });
}

describe('install names taken at the same moment (issue 6, defect 11)', () => {
  it('gives one of two creates with one name a 201, and the other a 409 on the name', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const answers = await Promise.all([create(portal, cookie, 'vm-1'), create(portal, cookie, 'VM-1')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    await expectNameTaken(loser, loser === answers[0] ? 'vm-1' : 'VM-1');
    expect((await names(portal, cookie)).map((n) => n.toLowerCase())).toEqual(['vm-1/vm-1']);
  });

  it('gives a rename that loses the race for a name a 409 on the name', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const first = (await (await create(portal, cookie, 'vm-1')).json()).attempt.id;
    await create(portal, cookie, 'vm-2');
    // PGlite runs one statement at a time, so two renames cannot meet between the name check and
    // the write as they do on PostgreSQL with a pool of connections. This trigger opens exactly
    // that window: just before the rename is written, the other attempt takes the name.
    await portal.db.execute(
      sql.raw(`CREATE FUNCTION take_the_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE install_attempts SET name = NEW.name WHERE team_id = NEW.team_id AND id <> NEW.id AND name = 'vm-2';
        RETURN NEW; END $$`),
    );
    await portal.db.execute(
      sql.raw(`CREATE TRIGGER take_the_name BEFORE UPDATE OF name ON install_attempts
        FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION take_the_name()`),
    );
    try {
      await expectNameTaken(await rename(portal, cookie, first, 'vm-3'), 'vm-3');
    } finally {
      await portal.db.execute(sql.raw('DROP TRIGGER take_the_name ON install_attempts'));
      await portal.db.execute(sql.raw('DROP FUNCTION take_the_name()'));
    }
    expect(await names(portal, cookie)).toEqual(['vm-1/vm-1', 'vm-2/vm-2']);
  });

  it('refuses renaming onto the name of another attempt with 409 on the name', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    await create(portal, cookie, 'vm-1');
    const id = (await (await create(portal, cookie, 'vm-2')).json()).attempt.id;
    await expectNameTaken(await rename(portal, cookie, id, 'VM-1'), 'VM-1');
    expect(await names(portal, cookie)).toEqual(['vm-1/vm-1', 'vm-2/vm-2']);
  });
});

describe('a PATCH that changes nothing (issue 6, defect 4)', () => {
  it('answers an empty body, {} and only unknown fields with 400, and changes nothing', async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const { attempt } = await (await create(portal, cookie, 'vm-1')).json();
    for (const body of ['', '{}', '{"colour":"blue"}', '{"__proto__":{"name":"x"}}']) {
      const response = await portal.request(`/api/installs/${attempt.id}`, {
        method: 'PATCH',
        cookie,
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status, body).toBe(400);
      expect(await response.json()).toEqual({
        error: { code: 'bad_request', message: 'There is nothing to change: send a name, version or options.' },
      });
    }
    expect(await (await portal.request(`/api/installs/${attempt.id}`, { cookie })).json()).toEqual(attempt);
  });
});
