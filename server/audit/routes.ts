import { Hono } from 'hono';
import { auditListQuerySchema, type AuditActorList, type AuditPage } from '../../contract/audit';
import type { AppEnv } from '../http/env';
import { requirePermission } from '../http/permissions';
import { readQuery } from '../http/validate';
import { findAuditActors, findAuditPage } from './list';

/** The team's audit log (issue 10), for its admins: a page at a time, and who appears in it. */
export function auditRoutes() {
  const canRead = requirePermission('audit.read');
  return new Hono<AppEnv>()
    .get('/', canRead, async (c) => {
      const filters = readQuery(c, auditListQuerySchema);
      const body: AuditPage = await findAuditPage(c.get('deps').db, c.get('session').teamId, filters);
      return c.json(body);
    })
    .get('/actors', canRead, async (c) => {
      const body: AuditActorList = { actors: await findAuditActors(c.get('deps').db, c.get('session').teamId) };
      return c.json(body);
    });
}
