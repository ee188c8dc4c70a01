import type { InstanceDetails } from '../../contract/installs';

/** What the team calls an instance: the name it was tagged with wins over its installation's. */
export const instanceName = (details: InstanceDetails, attemptName: string | null): string | null =>
  details.tags?.name || attemptName;
