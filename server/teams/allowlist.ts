import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { updateDomainAllowlistInputSchema, type DomainAllowlist } from '../../contract/team';
import { recordAudit, sessionActor } from '../audit/record';
import { teams } from '../db/schema';
import type { AppEnv } from '../http/env';
import { requirePermission } from '../http/permissions';
import { readJson } from '../http/validate';

/** /api/team/domain-allowlist: the domains invites may go to; null is off. Existing members stay. */
export function allowlistRoutes() {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const [team] = await c
        .get('deps')
        .db.select({ domains: teams.domainAllowlist })
        .from(teams)
        .where(eq(teams.id, c.get('session').teamId));
      const body: DomainAllowlist = { domains: team?.domains ?? null };
      return c.json(body);
    })
    .put('/', requirePermission('team.manage'), async (c) => {
      const { domains } = await readJson(c, updateDomainAllowlistInputSchema);
      return save(c, [...new Set(domains)].sort());
    })
    .delete('/', requirePermission('team.manage'), async (c) => save(c, null));
}

async function save(c: Context<AppEnv>, unique: string[] | null) {
  const { db, now } = c.get('deps');
  const { teamId, actor, clientAddress } = sessionActor(c);
  await db.transaction(async (tx) => {
    await tx.update(teams).set({ domainAllowlist: unique }).where(eq(teams.id, teamId));
    await recordAudit(tx, now(), {
      teamId,
      actor,
      clientAddress,
      action: 'team.domain_allowlist_changed',
      details: { domains: unique?.join(', ') ?? null },
    });
  });
  const body: DomainAllowlist = { domains: unique };
  return c.json(body);
}
