import type { License } from '../../contract/catalogue';
import { licenseStatus } from './license';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { currentTeam } from '../teams/current-team';

/** The team's license, read-only. */
export function licenseRoutes() {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { db, now } = c.get('deps');
    const { team, channel } = await currentTeam(db, c.get('session').teamId);
    const body: License = {
      customerId: team.id,
      customerName: team.name,
      customId: team.customId,
      licenseId: team.licenseId,
      type: team.licenseType,
      status: licenseStatus(team.licenseExpiresAt, now()),
      createdAt: team.licenseCreatedAt.toISOString(),
      expiresAt: team.licenseExpiresAt?.toISOString() ?? null,
      channel: { slug: channel.slug, name: channel.name },
      installTypes: team.installTypes,
      entitlements: team.entitlements,
      customFields: team.customFields.map(({ name, value }) => ({ name, value })),
    };
    return c.json(body);
  });
}
