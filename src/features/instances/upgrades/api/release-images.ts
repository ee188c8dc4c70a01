import { queryOptions } from '@tanstack/react-query';
import type { ReleaseImage } from '../../../../../contract/catalogue';
import { teamKey } from '../../../../app/session/team';
import { api } from '../../../../lib/api-client';

/** A release's images, which a Helm air gap upgrade copies to the customer's registry. */
export const releaseImagesQueryOptions = (teamId: string, version: string) =>
  queryOptions({
    queryKey: [...teamKey(teamId), 'release-images', version],
    queryFn: () => api<{ images: ReleaseImage[] }>(`/api/releases/${encodeURIComponent(version)}/images`),
  });
