import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { InstanceDetails } from '../../contract/installs';
import { installAttempts, instances, teams, users } from '../db/schema';
import { createTestPortal } from '../testing/test-portal';
import { instanceName, instanceNameSql } from './name';

describe('instance names: the JS rule and its SQL form agree', () => {
  it('on a name tag, an empty tag, an attempt name, and neither', async () => {
    const portal = await createTestPortal();
    const [team] = await portal.db.select({ id: teams.id }).from(teams).limit(1);
    const [user] = await portal.db.select({ id: users.id }).from(users).limit(1);
    await portal.db.insert(installAttempts).values({
      id: 'a-1',
      teamId: team!.id,
      name: 'from-attempt',
      method: 'embedded',
      options: { network: 'online' },
      version: '1.4.0',
      startedBy: user!.id,
      startedAt: portal.clock.now(),
      lastProgressAt: portal.clock.now(),
    });
    const cases: { id: string; externalId: string | null; attemptId: string | null; details: InstanceDetails }[] = [
      { id: 'i-tag', externalId: 'x-tag', attemptId: 'a-1', details: { tags: { name: 'tagged' } } },
      { id: 'i-empty', externalId: 'x-empty', attemptId: 'a-1', details: { tags: { name: '' } } },
      { id: 'i-attempt', externalId: 'x-attempt', attemptId: 'a-1', details: {} },
      { id: 'i-bare', externalId: 'x-bare', attemptId: null, details: { tags: { other: 'y' } } },
      { id: 'i-nothing', externalId: null, attemptId: null, details: {} },
    ];
    await portal.db.insert(instances).values(cases.map((c) => ({ ...c, teamId: team!.id })));
    const rows = await portal.db
      .select({ id: instances.id, inSql: sql<string>`${instanceNameSql()}` })
      .from(instances)
      .leftJoin(installAttempts, eq(installAttempts.id, instances.attemptId));
    const inSql = new Map(rows.map((r) => [r.id, r.inSql]));
    for (const c of cases) {
      const shown = instanceName(c.details, c.attemptId ? 'from-attempt' : null) ?? c.externalId ?? c.id;
      expect(inSql.get(c.id), c.id).toBe(shown);
    }
  });
});
