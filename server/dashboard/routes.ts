import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Dashboard } from '../../contract/catalogue';
import { memberships, serviceAccounts, supportBundles } from '../db/schema';
import { countInstances } from '../instances/counts';
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
    const countOf = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
    const [instanceCounts, bundles, members, accounts] = await Promise.all([
      countInstances(db, teamId, at),
      countOf(
        db
          .select({ n: count() })
          .from(supportBundles)
          .where(and(eq(supportBundles.teamId, teamId), ne(supportBundles.status, 'uploading'))),
      ),
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
      instances: instanceCounts,
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
