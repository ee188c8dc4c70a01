import { describe, expect, it } from 'vitest';
import { newId } from '../auth/tokens';
import { instances, teams } from '../db/schema';
import { createTestPortal } from '../testing/test-portal';
import { activeWhere, INACTIVE_AFTER_MS, isActive } from './activity';
import { countInstances } from './counts';

const now = new Date('2026-11-22T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('instance activity: the JS rule and its SQL form agree', () => {
  it('on every edge: never checked in, just inside and just past 24 h, air gap, future check-ins', async () => {
    const portal = await createTestPortal({ now });
    const [team] = await portal.db.select({ id: teams.id }).from(teams).limit(1);
    const cases = [
      { airgap: false, lastCheckInAt: null },
      { airgap: false, lastCheckInAt: now },
      { airgap: false, lastCheckInAt: ago(INACTIVE_AFTER_MS - 1) },
      { airgap: false, lastCheckInAt: ago(INACTIVE_AFTER_MS) },
      { airgap: false, lastCheckInAt: ago(INACTIVE_AFTER_MS + 1) },
      { airgap: false, lastCheckInAt: ago(90 * 86_400_000) },
      { airgap: false, lastCheckInAt: ago(-60_000) },
      { airgap: true, lastCheckInAt: null },
      { airgap: true, lastCheckInAt: ago(400 * 86_400_000) },
    ];
    const rows = cases.map((c) => ({ id: newId(), teamId: team!.id, ...c }));
    await portal.db.insert(instances).values(rows);

    const activeInSql = await portal.db
      .select({ id: instances.id })
      .from(instances)
      .where(activeWhere(now))
      .then((r) => new Set(r.map((x) => x.id)));
    const inactiveInSql = await portal.db
      .select({ id: instances.id })
      .from(instances)
      .where(activeWhere(now, false))
      .then((r) => new Set(r.map((x) => x.id)));
    for (const row of rows) {
      const expected = isActive(row, now);
      expect(activeInSql.has(row.id), JSON.stringify(row)).toBe(expected);
      expect(inactiveInSql.has(row.id), JSON.stringify(row)).toBe(!expected);
    }
    expect(await countInstances(portal.db, team!.id, now)).toEqual({ active: 4, inactive: 3, airgap: 2, archived: 0 });
  });
});
