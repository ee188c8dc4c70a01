import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import {
  airgapMethods,
  createAirgapRecordInputSchema,
  updateAirgapRecordInputSchema,
  type AirgapRecordList,
  type AirgapRecordOptions,
} from '../../contract/airgap';
import { kubernetesDistributions, type InstallMethod, type KubernetesDistribution } from '../../contract/installs';
import { newId } from '../auth/tokens';
import type { Database } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import { instances, releases, serviceAccounts } from '../db/schema';
import type { AppDeps } from '../deps';
import { actorOf } from '../http/actor';
import type { AppEnv } from '../http/env';
import { requireReleasedVersion } from '../releases/released-version';
import { HttpError, notFound } from '../http/errors';
import { requirePermission } from '../http/permissions';
import { readJson } from '../http/validate';
import { currentTeam } from '../teams/current-team';
import { airgapCadenceDays, presentAirgapRecord, selectWithRecorder } from './airgap';
import { activeServiceAccountNamed } from '../service-accounts/service-accounts';

const fieldError = (status: 400 | 409, field: string, message: string) =>
  new HttpError(status, status === 409 ? 'conflict' : 'validation_failed', message, { fields: { [field]: message } });

const NO_ENTITLEMENT =
  'Your license does not include air-gapped installs, so your team cannot record air-gap instances.';

/**
 * Air-gap instance records entered by hand (issue 8). Every route is for a team whose license
 * allows an air-gapped install (403 otherwise); writing needs `instances.record`. Only records
 * the customer entered (source 'manual') are edited, archived or restored here: an instance that
 * checks in describes itself.
 */
export function airgapRoutes() {
  const canRecord = requirePermission('instances.record');
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { team, cadenceDays } = await entitledTeam(c);
      const rows = await selectWithRecorder(c.get('deps').db)
        .where(and(eq(instances.teamId, team.id), eq(instances.source, 'manual')))
        .orderBy(asc(sql`lower(${instances.name})`), asc(instances.id));
      const now = c.get('deps').now();
      const body: AirgapRecordList = { records: rows.map((row) => presentAirgapRecord(row, cadenceDays, now)) };
      return c.json(body);
    })
    .get('/options', async (c) => {
      const { db } = c.get('deps');
      const { team, channel, cadenceDays } = await entitledTeam(c);
      const [versions, accounts] = await Promise.all([
        db
          .select({ version: releases.version })
          .from(releases)
          .where(eq(releases.channelId, channel.id))
          .orderBy(desc(releases.sequence)),
        db
          .select({ name: serviceAccounts.name })
          .from(serviceAccounts)
          .where(and(eq(serviceAccounts.teamId, team.id), isNull(serviceAccounts.revokedAt)))
          .orderBy(asc(sql`lower(${serviceAccounts.name})`)),
      ]);
      const body: AirgapRecordOptions = {
        versions: versions.map((r) => r.version),
        serviceAccounts: accounts.map((a) => a.name),
        distributions: [...kubernetesDistributions],
        methods: airgapMethods(team.installTypes),
        cadenceDays,
      };
      return c.json(body);
    })
    .get('/:id', async (c) => {
      const { team, cadenceDays } = await entitledTeam(c);
      const record = await findRecord(c.get('deps').db, team.id, c.req.param('id'));
      if (record.source !== 'manual') throw notFound('That air-gap record');
      return c.json(await presentedRecord(c.get('deps'), team.id, record.id, cadenceDays));
    })
    .post('/', canRecord, async (c) => {
      const input = await readJson(c, createAirgapRecordInputSchema);
      const deps = c.get('deps');
      const { team, channel, cadenceDays } = await entitledTeam(c);
      checkMethod(input.method, team.installTypes);
      await requireReleasedVersion(deps.db, channel.id, input.version);
      await checkNameFree(deps.db, team.id, input.name);
      const now = deps.now();
      const recorder = actorOf(c.get('session'));
      const [row] = await deps.db
        .insert(instances)
        .values({
          id: newId(),
          teamId: team.id,
          source: 'manual',
          airgap: true,
          name: input.name,
          serviceAccountId: await activeServiceAccountNamed(deps.db, team.id, input.name),
          installMethod: input.method,
          adminConsoleUrl: input.adminConsoleUrl ?? null,
          details: detailsOf(input.version, input.method, input.kubernetesDistribution),
          recordedBy: recorder.id,
          recordedByKind: recorder.kind,
          createdAt: now,
          dataAt: now,
          updatedAt: now,
        })
        .returning({ id: instances.id })
        .catch(ifNameTaken(input.name));
      return c.json(await presentedRecord(deps, team.id, row!.id, cadenceDays), 201);
    })
    .patch('/:id', canRecord, async (c) => {
      const input = await readJson(c, updateAirgapRecordInputSchema, { emptyBody: {} });
      if (Object.values(input).every((value) => value === undefined)) {
        throw new HttpError(400, 'bad_request', 'There is nothing to change: send a name, version or other field.');
      }
      const deps = c.get('deps');
      const { team, channel, cadenceDays } = await entitledTeam(c);
      const record = await findManualRecord(deps.db, team.id, c.req.param('id'));
      if (record.archivedAt) {
        throw new HttpError(409, 'conflict', 'This record is archived: restore it before editing it.');
      }
      const method = input.method ?? record.installMethod ?? 'embedded';
      if (input.method) checkMethod(input.method, team.installTypes);
      const version = input.version ?? record.details.versionLabel ?? '';
      if (input.version) await requireReleasedVersion(deps.db, channel.id, input.version);
      const name = input.name ?? record.name ?? '';
      if (input.name !== undefined) await checkNameFree(deps.db, team.id, input.name, record.id);
      const distribution =
        input.kubernetesDistribution === undefined
          ? ((record.details.k8sDistribution as KubernetesDistribution | undefined) ?? null)
          : input.kubernetesDistribution;
      const now = deps.now();
      await deps.db
        .update(instances)
        .set({
          name,
          serviceAccountId:
            input.name === undefined ? undefined : await activeServiceAccountNamed(deps.db, team.id, input.name),
          installMethod: method,
          adminConsoleUrl: input.adminConsoleUrl === undefined ? undefined : input.adminConsoleUrl,
          details: { ...record.details, ...detailsOf(version, method, distribution) },
          dataAt: now,
          updatedAt: now,
        })
        .where(eq(instances.id, record.id))
        .catch(ifNameTaken(name));
      return c.json(await presentedRecord(deps, team.id, record.id, cadenceDays));
    })
    .post('/:id/archive', canRecord, async (c) => {
      const deps = c.get('deps');
      const { team, cadenceDays } = await entitledTeam(c);
      const record = await findManualRecord(deps.db, team.id, c.req.param('id'));
      const now = deps.now();
      if (!record.archivedAt) {
        await deps.db.update(instances).set({ archivedAt: now, updatedAt: now }).where(eq(instances.id, record.id));
      }
      return c.json(await presentedRecord(deps, team.id, record.id, cadenceDays));
    })
    .post('/:id/restore', canRecord, async (c) => {
      const deps = c.get('deps');
      const { team, cadenceDays } = await entitledTeam(c);
      const record = await findManualRecord(deps.db, team.id, c.req.param('id'));
      const now = deps.now();
      if (record.archivedAt) {
        await checkNameFree(deps.db, team.id, record.name ?? '', record.id);
        await deps.db
          .update(instances)
          .set({ archivedAt: null, updatedAt: now })
          .where(eq(instances.id, record.id))
          .catch(ifNameTaken(record.name ?? ''));
      }
      return c.json(await presentedRecord(deps, team.id, record.id, cadenceDays));
    });
}

/** The signed-in team, refused unless its license allows an air-gapped install. */
async function entitledTeam(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const { team, channel } = await currentTeam(db, c.get('session').teamId);
  if (airgapMethods(team.installTypes).length === 0) throw new HttpError(403, 'forbidden', NO_ENTITLEMENT);
  return { team, channel, cadenceDays: await airgapCadenceDays(db, team.appId) };
}

/** A record the caller has found, as the team sees it, with who recorded it named. */
async function presentedRecord(deps: Required<AppDeps>, teamId: string, id: string, cadenceDays: number) {
  const [row] = await selectWithRecorder(deps.db).where(and(eq(instances.id, id), eq(instances.teamId, teamId)));
  if (!row) throw notFound('That instance');
  return presentAirgapRecord(row, cadenceDays, deps.now());
}

async function findRecord(db: Database, teamId: string, id: string) {
  const [row] = await db
    .select()
    .from(instances)
    .where(and(eq(instances.id, id), eq(instances.teamId, teamId)));
  if (!row) throw notFound('That instance');
  return row;
}

/** A record the customer entered; an instance that checks in is not theirs to change. */
async function findManualRecord(db: Database, teamId: string, id: string) {
  const row = await findRecord(db, teamId, id);
  if (row.source !== 'manual') {
    throw new HttpError(
      409,
      'conflict',
      'This instance reports itself: only air-gap records entered by hand can be edited, archived or restored.',
    );
  }
  return row;
}

function checkMethod(method: InstallMethod, installTypes: readonly string[]) {
  if (!airgapMethods(installTypes).includes(method)) {
    throw fieldError(400, 'method', 'Your license does not allow this install method air-gapped.');
  }
}

/** Names are unique, whatever their case, among the team's records that are not archived. */
async function checkNameFree(db: Database, teamId: string, name: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: instances.id })
    .from(instances)
    .where(
      and(
        eq(instances.teamId, teamId),
        eq(instances.source, 'manual'),
        isNull(instances.archivedAt),
        sql`lower(${instances.name}) = ${name.toLowerCase()}`,
        exceptId ? sql`${instances.id} <> ${exceptId}` : sql`true`,
      ),
    );
  if (taken) throw nameTaken(name);
}

const nameTaken = (name: string) => fieldError(409, 'name', `An air-gap instance named "${name}" already exists.`);

/** Two writes of one name at once both pass checkNameFree; the unique index then decides. */
const ifNameTaken =
  (name: string) =>
  (error: unknown): never => {
    if (isUniqueViolation(error, ['instances_live_manual_name_idx'])) throw nameTaken(name);
    throw error;
  };

/**
 * What a record says about the instance, where an instance that checks in says it: its version
 * and Kubernetes distribution. Embedded Cluster brings its own Kubernetes, so it has none to pick.
 */
function detailsOf(version: string, method: InstallMethod, distribution: KubernetesDistribution | null | undefined) {
  const k8sDistribution = method === 'helm' ? (distribution ?? undefined) : undefined;
  return { versionLabel: version, k8sDistribution };
}
