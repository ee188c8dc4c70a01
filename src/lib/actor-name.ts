import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamActor } from '../../contract/actors';

/**
 * How a page names whoever did something: a person by their email address, a service account by
 * its name, marked as one, since its token can start installs and upload bundles (issue 10).
 */
export function useActorName() {
  const { t } = useTranslation();
  return useCallback(
    (actor: { kind: TeamActor['kind'] | 'license'; name: string }) =>
      actor.kind === 'service_account' ? t('common.serviceAccountName', { name: actor.name }) : actor.name,
    [t],
  );
}
