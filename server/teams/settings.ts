import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { updateTeamSettingsInputSchema, type TeamSettings } from '../../contract/team';
import { recordAudit, sessionActor } from '../audit/record';
import { teams } from '../db/schema';
import type { AppEnv } from '../http/env';
import { requirePermission } from '../http/permissions';
import { readJson } from '../http/validate';

/** /api/team/settings (admins): the team's language, which invitation emails are written in. */
export function settingsRoutes() {
  return new Hono<AppEnv>()
    .use(requirePermission('team.manage'))
    .get('/', async (c) => {
      const [team] = await c
        .get('deps')
        .db.select({ locale: teams.locale })
        .from(teams)
        .where(eq(teams.id, c.get('session').teamId));
      const body: TeamSettings = { locale: team?.locale ?? 'en' };
      return c.json(body);
    })
    .put('/', async (c) => {
      const { locale } = await readJson(c, updateTeamSettingsInputSchema);
      const { db, now } = c.get('deps');
      const { teamId, actor, clientAddress } = sessionActor(c);
      await db.transaction(async (tx) => {
        const at = now();
        const [before] = await tx
          .select({ locale: teams.locale })
          .from(teams)
          .where(eq(teams.id, teamId))
          .for('update');
        // Set even when unchanged: the admin chose it, so portico.yaml no longer changes it
        // (docs/decisions/015-team-language.md).
        await tx.update(teams).set({ locale, localeSetAt: at }).where(eq(teams.id, teamId));
        await recordAudit(tx, at, {
          teamId,
          actor,
          clientAddress,
          action: 'team.locale_changed',
          details: { from: before?.locale ?? null, to: locale },
        });
      });
      const body: TeamSettings = { locale };
      return c.json(body);
    });
}
