import { and, count, eq, gte, isNull, lt, or } from 'drizzle-orm';
import type { Dashboard } from '../../contract/catalogue';
import { instances, memberships, serviceAccounts, supportBundles } from '../db/schema';
import { INACTIVE_AFTER_MS } from '../instances/activity';
import { daysToExpiry, licenseStatus } from '../releases/license';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { currentTeam } from '../teams/current-team';

/** Live counts for the dashboard cards; zero where nothing exists yet. */
export function dashboardRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { db, now } = c.get('deps');
    const teamId = c.get('session').teamId;
    const { team } = await currentTeam(db, teamId);
    const at = now();
    const staleBefore = new Date(at.getTime() - INACTIVE_AFTER_MS);
    // Air-gap instances never go inactive: they cannot check in (architecture.md).
    const activeWhere = or(eq(instances.airgap, true), gte(instances.lastCheckInAt, staleBefore));
    const inactiveWhere = and(
      eq(instances.airgap, false),
      or(isNull(instances.lastCheckInAt), lt(instances.lastCheckInAt, staleBefore)),
    );
    const countOf = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
    const [active, inactive, bundles, members, accounts] = await Promise.all([
      countOf(
        db
          .select({ n: count() })
          .from(instances)
          .where(and(eq(instances.teamId, teamId), activeWhere)),
      ),
      countOf(
        db
          .select({ n: count() })
          .from(instances)
          .where(and(eq(instances.teamId, teamId), inactiveWhere)),
      ),
      countOf(db.select({ n: count() }).from(supportBundles).where(eq(supportBundles.teamId, teamId))),
      countOf(db.select({ n: count() }).from(memberships).where(eq(memberships.teamId, teamId))),
      countOf(
        db
          .select({ n: count() })
          .from(serviceAccounts)
          .where(and(eq(serviceAccounts.teamId, teamId), isNull(serviceAccounts.revokedAt))),
      ),
    ]);
    const body: Dashboard = {
      installOptions: team.installTypes,
      instances: { active, inactive },
      license: {
        type: team.licenseType,
        status: licenseStatus(team.licenseExpiresAt, at),
        expiresAt: team.licenseExpiresAt?.toISOString() ?? null,
        daysToExpiry: daysToExpiry(team.licenseExpiresAt, at),
      },
      supportBundles: bundles,
      team: { members, serviceAccounts: accounts },
    };
    return c.json(body);
  });
}
