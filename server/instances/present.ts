import { inferredInstallMethod, type Instance, type InstallMethod } from '../../contract/installs';
import type { instances } from '../db/schema';
import { isActive } from './activity';
import { instanceName } from './name';

/** The columns of an instance row the API shows; the list reads just these (list.ts). */
export type PresentedColumns = Pick<
  typeof instances.$inferSelect,
  | 'id'
  | 'externalId'
  | 'name'
  | 'airgap'
  | 'status'
  | 'details'
  | 'installMethod'
  | 'firstCheckInAt'
  | 'lastCheckInAt'
  | 'firstReadyAt'
  | 'customMetrics'
  | 'customMetricsReceivedAt'
>;

/** The install attempt an instance came from, as far as the presentation needs it. */
export type PresentedAttempt = { name: string; method: InstallMethod } | null;

/**
 * An instance row as the API shows it: the one presentation of the list, the details page and
 * the air-gap records, so a name, a method or an activity cannot differ between them.
 */
export function presentInstance(instance: PresentedColumns, attempt: PresentedAttempt, now: Date): Instance {
  return {
    id: instance.id,
    externalId: instance.externalId,
    name: instanceName(instance.details, attempt?.name ?? null, instance.name),
    status: instance.status,
    versionLabel: instance.details.versionLabel ?? null,
    airgap: instance.airgap,
    active: isActive(instance, now),
    firstCheckInAt: instance.firstCheckInAt?.toISOString() ?? null,
    lastCheckInAt: instance.lastCheckInAt?.toISOString() ?? null,
    firstReadyAt: instance.firstReadyAt?.toISOString() ?? null,
    installMethod: instance.installMethod ?? attempt?.method ?? inferredInstallMethod(instance.details),
    details: instance.details,
    customMetrics: instance.customMetrics,
    customMetricsReceivedAt: instance.customMetricsReceivedAt?.toISOString() ?? null,
  };
}
