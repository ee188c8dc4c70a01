import { and, eq, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  allowedNetworks,
  attemptStatuses,
  proxyUrlOf,
  registryAccessModesFor,
  createInstallInputSchema,
  updateInstallInputSchema,
  type InstallAttemptWithToken,
  type InstallMethod,
  type InstallOptions,
} from '../../contract/installs';
import { newId } from '../auth/tokens';
import { recordAudit, sessionActor } from '../audit/record';
import type { Database } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import { installAttempts, serviceAccounts } from '../db/schema';
import { findAttempt, findAttempts } from './attempts';
import { forgetNoOpenAttempt } from './attribution';
import { linkCandidates, linkInstance } from './link';
import { attemptEvents } from './live-stream';
import { activeServiceAccountNamed, issueServiceAccountToken } from '../service-accounts/service-accounts';
import { actorOf } from '../http/actor';
import type { AppEnv } from '../http/env';
import { requireReleasedVersion } from '../releases/released-version';
import { HttpError } from '../http/errors';
import { requirePermission } from '../http/permissions';
import { readJson } from '../http/validate';
import { currentTeam } from '../teams/current-team';

const fieldError = (status: 400 | 409, field: string, message: string) =>
  new HttpError(status, status === 409 ? 'conflict' : 'validation_failed', message, { fields: { [field]: message } });

/** Guided installs: each attempt has a just-in-time service account whose token the commands carry. */
export function installRoutes() {
  const canInstall = requirePermission('installs.manage');
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const status = c.req.query('status');
      if (status !== undefined && !attemptStatuses.includes(status as never)) {
        throw fieldError(400, 'status', `status must be one of ${attemptStatuses.join(', ')}.`);
      }
      const attempts = await findAttempts(c.get('deps'), c.get('session').teamId);
      return c.json({ attempts: status ? attempts.filter((a) => a.status === status) : attempts });
    })
    .post('/', canInstall, async (c) => {
      const input = await readJson(c, createInstallInputSchema);
      const deps = c.get('deps');
      const { teamId } = c.get('session');
      // A person or a service account's token: the attempt and its account both name the doer.
      const starter = actorOf(c.get('session'));
      const { team, channel } = await currentTeam(deps.db, teamId);
      const options = checkOptions(input.method, input.options, team.installTypes);
      await requireReleasedVersion(deps.db, channel.id, input.version);
      await checkNameFree(deps.db, teamId, input.name);

      const { token, tokenHash } = await issueServiceAccountToken();
      const now = deps.now();
      const attemptId = newId();
      await deps.db
        .transaction(async (tx) => {
          const serviceAccountId = newId();
          await tx.insert(serviceAccounts).values({
            id: serviceAccountId,
            teamId,
            name: input.name,
            tokenHash,
            kind: 'install',
            createdBy: starter.id,
            createdByKind: starter.kind,
          });
          await tx.insert(installAttempts).values({
            id: attemptId,
            teamId,
            serviceAccountId,
            name: input.name,
            method: input.method,
            options,
            version: input.version,
            startedBy: starter.id,
            startedByKind: starter.kind,
            startedAt: now,
            lastProgressAt: now,
          });
          await recordAudit(tx, now, {
            ...sessionActor(c),
            action: 'install.started',
            target: { kind: 'install', id: attemptId, label: input.name },
            details: { method: input.method, version: input.version },
          });
        })
        .catch(ifNameTaken(input.name));
      forgetNoOpenAttempt(deps, teamId);
      const body: InstallAttemptWithToken = { attempt: await findAttempt(deps, teamId, attemptId), token };
      return c.json(body, 201);
    })
    .get('/:id', async (c) => c.json(await findAttempt(c.get('deps'), c.get('session').teamId, c.req.param('id'))))
    .patch('/:id', canInstall, async (c) => {
      const input = await readJson(c, updateInstallInputSchema, { emptyBody: {} });
      if (Object.values(input).every((value) => value === undefined)) {
        throw new HttpError(400, 'bad_request', 'There is nothing to change: send a name, version or options.');
      }
      const deps = c.get('deps');
      const teamId = c.get('session').teamId;
      const attempt = await findAttempt(deps, teamId, c.req.param('id'));
      if (attempt.status === 'discarded') throw new HttpError(409, 'conflict', 'This installation was discarded.');
      const { team, channel } = await currentTeam(deps.db, teamId);
      const options = input.options ? checkOptions(attempt.method, input.options, team.installTypes) : undefined;
      if (input.version) await requireReleasedVersion(deps.db, channel.id, input.version);
      const renamed = input.name !== undefined && input.name !== attempt.name;
      if (renamed) await checkNameFree(deps.db, teamId, input.name!, attempt.id);
      await deps.db
        .transaction(async (tx) => {
          await tx
            .update(installAttempts)
            .set({ name: input.name, version: input.version, options })
            .where(eq(installAttempts.id, attempt.id));
          if (renamed && attempt.serviceAccount) {
            await tx
              .update(serviceAccounts)
              .set({ name: input.name })
              .where(eq(serviceAccounts.id, attempt.serviceAccount.id));
          }
        })
        .catch(ifNameTaken(input.name ?? attempt.name));
      deps.identityCache.clear(); // Cached identities carry the attempt's version and options.
      return c.json(await findAttempt(deps, teamId, attempt.id));
    })
    .post('/:id/token', canInstall, async (c) => {
      const deps = c.get('deps');
      const teamId = c.get('session').teamId;
      const attempt = await findAttempt(deps, teamId, c.req.param('id'));
      if (!attempt.serviceAccount) throw new HttpError(409, 'conflict', 'This installation was discarded.');
      // Replacing the token is the only way to see one again: only its hash is stored.
      const { token, tokenHash } = await issueServiceAccountToken();
      await deps.db.update(serviceAccounts).set({ tokenHash }).where(eq(serviceAccounts.id, attempt.serviceAccount.id));
      deps.identityCache.clear(); // The old token stops working now, not when its cache entry expires.
      const body: InstallAttemptWithToken = { attempt, token };
      return c.json(body);
    })
    .delete('/:id', canInstall, async (c) => {
      const deps = c.get('deps');
      const teamId = c.get('session').teamId;
      const attempt = await findAttempt(deps, teamId, c.req.param('id'));
      if (attempt.status === 'discarded') return c.json(attempt);
      await deps.db.transaction(async (tx) => {
        await tx.update(installAttempts).set({ discardedAt: deps.now() }).where(eq(installAttempts.id, attempt.id));
        // Deleting the account makes its token fail at once, on every endpoint.
        if (attempt.serviceAccount)
          await tx.delete(serviceAccounts).where(eq(serviceAccounts.id, attempt.serviceAccount.id));
        await recordAudit(tx, deps.now(), {
          ...sessionActor(c),
          action: 'install.discarded',
          target: { kind: 'install', id: attempt.id, label: attempt.name },
        });
      });
      deps.identityCache.clear(); // The token fails at once, not when its cache entry expires.
      deps.events.publish({ type: 'attempt.updated', teamId, attemptId: attempt.id });
      return c.json(await findAttempt(deps, teamId, attempt.id));
    })
    .get('/:id/events', attemptEvents)
    .get('/:id/link-candidates', linkCandidates)
    .post('/:id/link', canInstall, linkInstance);
}

function checkOptions(method: InstallMethod, options: InstallOptions, installTypes: readonly string[]): InstallOptions {
  const allowed = allowedNetworks(method, installTypes);
  if (allowed.length === 0) throw fieldError(400, 'method', 'Your license does not include this install method.');
  if (!allowed.includes(options.network)) {
    throw fieldError(400, 'options.network', 'Your license does not allow this network mode for this method.');
  }
  if (method === 'embedded') return { network: options.network, proxyUrl: proxyUrlOf(options) };
  if (options.registryAccess && !registryAccessModesFor(options.network).includes(options.registryAccess)) {
    throw fieldError(400, 'options.registryAccess', 'An air-gapped install cannot pull from the online registry.');
  }
  return {
    network: options.network,
    proxyUrl: proxyUrlOf(options),
    kubernetesDistribution: options.kubernetesDistribution,
    registryAccess: options.registryAccess,
  };
}

async function checkNameFree(db: Database, teamId: string, name: string, exceptAttemptId?: string) {
  const lower = name.toLowerCase();
  const [taken] = await db
    .select({ id: installAttempts.id })
    .from(installAttempts)
    .where(
      and(
        eq(installAttempts.teamId, teamId),
        isNull(installAttempts.discardedAt),
        sql`lower(${installAttempts.name}) = ${lower}`,
        exceptAttemptId ? sql`${installAttempts.id} <> ${exceptAttemptId}` : sql`true`,
      ),
    );
  const account = await activeServiceAccountNamed(db, teamId, name);
  const ownAccount = exceptAttemptId && account && taken === undefined;
  if (taken || (account && !ownAccount)) throw nameTaken(name);
}

const nameTaken = (name: string) =>
  fieldError(409, 'name', `An installation or service account named "${name}" already exists.`);

/** The unique indexes behind a name: among a team's live attempts, and its service accounts. */
const NAME_INDEXES = ['install_attempts_live_name_idx', 'service_accounts_team_id_name_key'];

/**
 * For a write that gives an attempt `name`: checkNameFree answers the usual case, but two
 * requests for one name at once both pass it, and then the database's unique index decides. Its
 * refusal gets the same answer as the check, not a 500 (issue 6, defect 11).
 */
const ifNameTaken =
  (name: string) =>
  (error: unknown): never => {
    if (isUniqueViolation(error, NAME_INDEXES)) throw nameTaken(name);
    throw error;
  };
