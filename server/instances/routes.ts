import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { InstanceList } from '../../contract/installs';
import { installAttempts, instances } from '../db/schema';
import { isActive } from './activity';
import { instanceDetails } from './details';
import { instanceName } from './name';
import type { AppEnv } from '../http/env';

/** The team's instances, newest check-in first, named after the install attempt they came from. */
export function instanceRoutes() {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { db, now } = c.get('deps');
      const rows = await db
        .select({ instance: instances, name: installAttempts.name })
        .from(instances)
        .leftJoin(installAttempts, eq(installAttempts.id, instances.attemptId))
        .where(eq(instances.teamId, c.get('session').teamId))
        .orderBy(desc(instances.lastCheckInAt));
      const at = now();
      const body: InstanceList = {
        instances: rows.map(({ instance, name }) => ({
          id: instance.id,
          externalId: instance.externalId,
          name: instanceName(instance.details, name),
          status: instance.status,
          versionLabel: instance.details.versionLabel ?? null,
          airgap: instance.airgap,
          active: isActive(instance, at),
          firstCheckInAt: instance.firstCheckInAt?.toISOString() ?? null,
          lastCheckInAt: instance.lastCheckInAt?.toISOString() ?? null,
          details: instance.details,
          customMetrics: instance.customMetrics,
          customMetricsReceivedAt: instance.customMetricsReceivedAt?.toISOString() ?? null,
        })),
      };
      return c.json(body);
    })
    .get('/:id', instanceDetails);
}
