import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  createServiceAccountInputSchema,
  expiryOf,
  serviceAccountStatus,
  type ServiceAccount,
  type ServiceAccountList,
  type ServiceAccountWithToken,
} from '../../contract/service-accounts';
import { recordAudit, sessionActor } from '../audit/record';
import { newId } from '../auth/tokens';
import type { Database } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import { actorJoins, actorNames, presentActor } from '../db/actors';
import { serviceAccounts } from '../db/schema';
import { actorOf } from '../http/actor';
import type { AppEnv } from '../http/env';
import { HttpError, notFound } from '../http/errors';
import { requirePermission } from '../http/permissions';
import { readJson } from '../http/validate';
import { activeServiceAccountNamed, issueServiceAccountToken } from './service-accounts';

const manage = requirePermission('service-accounts.manage');
const creatorJoins = actorJoins(serviceAccounts.createdByKind, serviceAccounts.createdBy);

/** /api/team/service-accounts (issue 10): everyone on the team reads the list, admins manage it. */
export function serviceAccountRoutes() {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { db, now } = c.get('deps');
      const body: ServiceAccountList = { serviceAccounts: await listAccounts(db, c.get('session').teamId, now()) };
      return c.json(body);
    })
    .post('/', manage, async (c) => {
      const input = await readJson(c, createServiceAccountInputSchema);
      const { db, now } = c.get('deps');
      const at = now();
      const expiresAt = input.expiresOn ? expiryOf(input.expiresOn) : null;
      if (expiresAt && expiresAt.getTime() <= at.getTime()) {
        throw fieldError(400, 'expiresOn', 'Choose an expiry date in the future.');
      }
      const { actor, clientAddress, teamId } = sessionActor(c);
      const creator = actorOf(c.get('session'));
      if (await activeServiceAccountNamed(db, teamId, input.name)) throw nameTaken(input.name);
      const { token, tokenHash } = await issueServiceAccountToken();
      const id = newId();
      await db
        .transaction(async (tx) => {
          await tx.insert(serviceAccounts).values({
            id,
            teamId,
            name: input.name,
            tokenHash,
            kind: 'manual',
            createdAt: at,
            createdBy: creator.id,
            createdByKind: creator.kind,
            expiresAt,
          });
          const target = { kind: 'service_account', id, label: input.name };
          await recordAudit(tx, at, { teamId, actor, clientAddress, action: 'service_account.created', target });
        })
        .catch((error: unknown) => {
          // Two requests for one name at once both pass the check; the index decides.
          if (isUniqueViolation(error, ['service_accounts_team_id_name_key'])) throw nameTaken(input.name);
          throw error;
        });
      return c.json(await withToken(c, id, token), 201);
    })
    .post('/:id/rotate', manage, async (c) => {
      const { db, now, identityCache } = c.get('deps');
      const { actor, clientAddress, teamId } = sessionActor(c);
      const account = await findAccount(db, teamId, c.req.param('id'));
      const status = serviceAccountStatus(account, now());
      if (status !== 'active') {
        throw new HttpError(409, 'conflict', `This service account is ${status}; create a new one instead.`);
      }
      const { token, tokenHash } = await issueServiceAccountToken();
      await db.transaction(async (tx) => {
        // Only over the token read above, on an account still active: of two rotations (or a
        // rotation and a revocation) racing, one wins and the other is told, never handed a dead token.
        const [rotated] = await tx
          .update(serviceAccounts)
          .set({ tokenHash })
          .where(
            and(
              eq(serviceAccounts.id, account.id),
              eq(serviceAccounts.tokenHash, account.tokenHash),
              isNull(serviceAccounts.revokedAt),
            ),
          )
          .returning({ id: serviceAccounts.id });
        if (!rotated) {
          throw new HttpError(
            409,
            'conflict',
            'This service account changed meanwhile (rotated or revoked): reload and look again.',
          );
        }
        const target = { kind: 'service_account', id: account.id, label: account.name };
        await recordAudit(tx, now(), { teamId, actor, clientAddress, action: 'service_account.rotated', target });
      });
      identityCache.forget(account.id); // The old token stops working now, not when its entry expires.
      return c.json(await withToken(c, account.id, token));
    })
    .delete('/:id', manage, async (c) => {
      const { db, now, identityCache } = c.get('deps');
      const { actor, clientAddress, teamId } = sessionActor(c);
      const account = await findAccount(db, teamId, c.req.param('id'));
      if (!account.revokedAt) {
        await db.transaction(async (tx) => {
          await tx.update(serviceAccounts).set({ revokedAt: now() }).where(eq(serviceAccounts.id, account.id));
          const target = { kind: 'service_account', id: account.id, label: account.name };
          await recordAudit(tx, now(), { teamId, actor, clientAddress, action: 'service_account.revoked', target });
        });
        identityCache.forget(account.id);
      }
      return c.body(null, 204);
    });
}

async function listAccounts(db: Database, teamId: string, now: Date, id?: string): Promise<ServiceAccount[]> {
  const rows = await db
    .select({ account: serviceAccounts, ...actorNames })
    .from(serviceAccounts)
    .leftJoin(...creatorJoins.user)
    .leftJoin(...creatorJoins.account)
    .where(and(eq(serviceAccounts.teamId, teamId), id ? eq(serviceAccounts.id, id) : sql`true`))
    .orderBy(sql`${serviceAccounts.revokedAt} IS NOT NULL`, desc(serviceAccounts.createdAt), serviceAccounts.name);
  return rows.map(({ account, ...names }) => ({
    id: account.id,
    name: account.name,
    kind: account.kind,
    createdBy: account.createdBy ? presentActor(account.createdByKind, account.createdBy, names) : null,
    createdAt: account.createdAt.toISOString(),
    lastUsedAt: account.lastUsedAt?.toISOString() ?? null,
    expiresAt: account.expiresAt?.toISOString() ?? null,
    status: serviceAccountStatus(account, now),
  }));
}

/** One of the team's accounts; another team's, like an unknown id, is not found. */
async function findAccount(db: Database, teamId: string, id: string) {
  const [account] = await db
    .select()
    .from(serviceAccounts)
    .where(and(eq(serviceAccounts.teamId, teamId), eq(serviceAccounts.id, id)));
  if (!account) throw notFound('This service account');
  return account;
}

async function withToken(c: Context<AppEnv>, id: string, token: string): Promise<ServiceAccountWithToken> {
  const { db, now } = c.get('deps');
  const [serviceAccount] = await listAccounts(db, c.get('session').teamId, now(), id);
  return { serviceAccount: serviceAccount!, token };
}

const fieldError = (status: 400 | 409, field: string, message: string) =>
  new HttpError(status, status === 409 ? 'conflict' : 'validation_failed', message, { fields: { [field]: message } });

const nameTaken = (name: string) =>
  fieldError(409, 'name', `A service account named "${name}" is already active. Choose another name.`);
