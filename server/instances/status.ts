import { instanceStatuses, type InstanceStatus, type ResourceState } from '../../contract/installs';

/** missing < unavailable < degraded < updating < ready: an instance is as well as its worst resource. */
export function rollUpStatus(resources: readonly Pick<ResourceState, 'state'>[]): InstanceStatus {
  // No status informers means nothing to be unhappy about (architecture.md).
  if (resources.length === 0) return 'ready';
  return resources.reduce<InstanceStatus>(
    (worst, r) => (instanceStatuses.indexOf(r.state) < instanceStatuses.indexOf(worst) ? r.state : worst),
    'ready',
  );
}
