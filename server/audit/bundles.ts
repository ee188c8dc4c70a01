import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AuditActor, AuditTarget } from '../../contract/audit';
import type { Database } from '../db/database';
import { serviceAccounts, users } from '../db/schema';
import type { AppEnv } from '../http/env';
import type { SupportBundle } from '../support-bundles/store';
import { recordAudit } from './record';

/** A support bundle as an audit entry names it. */
export const bundleTarget = (bundle: Pick<SupportBundle, 'id' | 'filename'>): AuditTarget => ({
  kind: 'bundle',
  id: bundle.id,
  label: bundle.filename,
});

/** Who sent a bundle, as the log names them: the person, the service account, or the license ID. */
async function uploaderActor(db: Database, bundle: SupportBundle): Promise<AuditActor> {
  const id = bundle.uploadedBy;
  if (bundle.uploadedByKind === 'user') {
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
    return { kind: 'user', id, label: user?.email ?? id };
  }
  if (bundle.uploadedByKind === 'service_account') {
    const [account] = await db
      .select({ name: serviceAccounts.name })
      .from(serviceAccounts)
      .where(eq(serviceAccounts.id, id));
    return { kind: 'service_account', id, label: account?.name ?? id };
  }
  return { kind: 'license', id: null, label: 'License ID' };
}

/**
 * `bundle.uploaded`, once a bundle's last byte is in: by the browser (tus) or by a real client
 * (troubleshoot, KOTS, the SDK's upload URL, which carries no credentials: the bundle row knows
 * who started it). A bundle the inspection rejected before the answer was refused to its client
 * (422), so, like every refused request, it writes nothing here.
 */
export async function recordBundleUploaded(c: Context<AppEnv>, bundle: SupportBundle) {
  if (bundle.status === 'rejected') return;
  const { db, now } = c.get('deps');
  await recordAudit(db, now(), {
    teamId: bundle.teamId,
    actor: await uploaderActor(db, bundle),
    action: 'bundle.uploaded',
    target: bundleTarget(bundle),
    clientAddress: c.env?.clientAddress ?? null,
    details: { source: bundle.source },
  });
}
