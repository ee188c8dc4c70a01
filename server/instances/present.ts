import type { Instance } from '../../contract/installs';
import type { instances } from '../db/schema';
import { isActive } from './activity';
import { instanceName } from './name';

/**
 * An instance row as the API shows it, named as the list names it. The details page and the
 * air-gap records answer with this; the list builds the same shape from its own SQL row (list.ts).
 */
export function presentInstance(
  instance: typeof instances.$inferSelect,
  attemptName: string | null,
  now: Date,
): Instance {
  return {
    id: instance.id,
    externalId: instance.externalId,
    name: instanceName(instance.details, attemptName, instance.name),
    status: instance.status,
    versionLabel: instance.details.versionLabel ?? null,
    airgap: instance.airgap,
    active: isActive(instance, now),
    firstCheckInAt: instance.firstCheckInAt?.toISOString() ?? null,
    lastCheckInAt: instance.lastCheckInAt?.toISOString() ?? null,
    details: instance.details,
    customMetrics: instance.customMetrics,
    customMetricsReceivedAt: instance.customMetricsReceivedAt?.toISOString() ?? null,
  };
}
