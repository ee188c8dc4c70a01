import type { InstanceStatus } from '../../../../contract/installs';

/** How each status is coloured wherever it shows, beside its name (never colour alone). */
export const statusTone = {
  ready: 'success',
  updating: 'neutral',
  degraded: 'warning',
  unavailable: 'danger',
  missing: 'danger',
} as const satisfies Record<InstanceStatus, 'success' | 'neutral' | 'warning' | 'danger'>;
