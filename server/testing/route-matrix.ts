import { expect } from 'vitest';
import type { AirgapRecord } from '../../contract/airgap';
import type { InstallAttemptWithToken } from '../../contract/installs';
import type { Me } from '../../contract/me';
import type { ServiceAccountWithToken } from '../../contract/service-accounts';
import type { SupportBundleDetails } from '../../contract/support-bundles';
import type { InviteWithLink } from '../../contract/team';
import { demoCatalogueText } from '../catalogue/demo';
import { withViewer } from './service-accounts';
import type { BlobStore } from '../deps';
import { memoryBlobStore } from '../support-bundles/memory-blob-store';
import { createTestPortal, TEST_ORIGIN, type TestPortal } from './test-portal';
import { bundleBytes, tusClient, upload } from './tus-client';

/**
 * The callers and the data of the route matrix (server/route-matrix.test.ts): Acme with a
 * viewer (eve), a member (bob) and an admin (alice); Globex's admin (carol); a token of Acme's
 * and a revoked one; and one of everything a route can name, made by alice.
 */

export const principals = [
  'anonymous',
  'viewer',
  'member',
  'admin',
  'otherTeamAdmin',
  'token',
  'revokedToken',
] as const;
export type Principal = (typeof principals)[number];

export const PEOPLE = {
  viewer: 'eve@acme.example',
  member: 'bob@acme.example',
  admin: 'alice@acme.example',
  otherTeamAdmin: 'carol@globex.example',
} as const;
type Person = keyof typeof PEOPLE;

export const isPerson = (who: Principal): who is Person => who in PEOPLE;

export type World = {
  portal: TestPortal;
  cookies: Record<Person, string>;
  teamIds: Record<Person, string>;
  token: string;
  revokedToken: string;
  serviceAccountId: string;
  attemptId: string;
  airgapId: string;
  bobId: string;
  inviteId: string;
  /** The link token of the invite to frank@acme.example. */
  inviteToken: string;
  /** Per person of Acme: Globex's invite to them, for `POST /api/me/invites/:id/accept`. */
  globexInvites: Record<'viewer' | 'member' | 'admin', string>;
  loginToken: string;
  bundleId: string;
  bundleFilePath: string;
  /** alice's upload in progress. */
  uploadId: string;
  /** Puts the database and the blobs back as they were when the world was built. */
  restore: () => Promise<void>;
};

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

export async function buildWorld(): Promise<World> {
  // Globex records air-gap instances too, so its admin meets the same routes as Acme's.
  const catalogue = withViewer(demoCatalogueText).replace(
    'install_types: [embedded]\n',
    'install_types: [embedded, airgap]\n',
  );
  const blobs = restorableBlobs();
  const portal = await createTestPortal({ catalogue, deps: { blobs: blobs.store } });
  const cookies = {} as Record<Person, string>;
  const teamIds = {} as Record<Person, string>;
  for (const [who, email] of Object.entries(PEOPLE) as [Person, string][]) {
    cookies[who] = await portal.signIn(email);
    teamIds[who] = (await json<Me>(await portal.request('/api/me', { cookie: cookies[who] }), 200)).team.id;
  }
  const alice = cookies.admin;
  const post = (path: string, body: unknown, cookie = alice) =>
    portal.request(path, { method: 'POST', cookie, json: body });

  const { attempt } = await json<InstallAttemptWithToken>(
    await post('/api/installs', { method: 'embedded', name: 'vm-1', version: '1.4.0', options: { network: 'online' } }),
    201,
  );
  const bot = await json<ServiceAccountWithToken>(
    await post('/api/team/service-accounts', { name: 'matrix-bot' }),
    201,
  );
  const revoked = await json<ServiceAccountWithToken>(
    await post('/api/team/service-accounts', { name: 'revoked-bot' }),
    201,
  );
  const revoke = await portal.request(`/api/team/service-accounts/${revoked.serviceAccount.id}`, {
    method: 'DELETE',
    cookie: alice,
  });
  expect(revoke.status).toBe(204);

  const airgap = await json<AirgapRecord>(
    await post('/api/airgap-instances', { name: 'vault-1', version: '1.4.0', method: 'helm' }),
    201,
  );
  const members = await json<{ id: string; email: string }[]>(
    await portal.request('/api/team/members', { cookie: alice }),
    200,
  );
  const invite = await json<InviteWithLink>(
    await post('/api/team/invites', { email: 'frank@acme.example', role: 'member' }),
    201,
  );
  const globexInvites = {} as World['globexInvites'];
  for (const who of ['viewer', 'member', 'admin'] as const) {
    const sent = await json<InviteWithLink>(
      await post('/api/team/invites', { email: PEOPLE[who], role: 'member' }, cookies.otherTeamAdmin),
      201,
    );
    globexInvites[who] = sent.invite.id;
  }

  const { id: bundleId } = await upload(portal, alice, bundleBytes(4096));
  const bundle = await json<SupportBundleDetails>(
    await portal.request(`/api/support-bundles/${bundleId}`, { cookie: alice }),
    200,
  );
  const started = await tusClient(portal.request, alice).create(4096);
  expect(started.status).toBe(201);

  await post('/api/auth/login-links', { email: PEOPLE.admin }, '');
  const restoreDatabase = await portal.snapshot();
  const restoreBlobs = await blobs.snapshot();
  return {
    restore: async () => {
      await restoreDatabase();
      await restoreBlobs();
    },
    portal,
    cookies,
    teamIds,
    token: bot.token,
    revokedToken: revoked.token,
    serviceAccountId: bot.serviceAccount.id,
    attemptId: attempt.id,
    airgapId: airgap.id,
    bobId: members.find((m) => m.email === PEOPLE.member)!.id,
    inviteId: invite.invite.id,
    inviteToken: invite.url.split('#token=')[1]!,
    globexInvites,
    loginToken: portal.lastLinkToken(PEOPLE.admin),
    bundleId,
    bundleFilePath: bundle.files[0]!.path,
    uploadId: started.headers.get('location')!.split('/').pop()!,
  };
}

/** A request as this principal sends it: a browser's cookie and Origin, or automation's Bearer. */
export function headersOf(world: World, who: Principal, method: string): Headers {
  const headers = new Headers();
  if (isPerson(who)) headers.set('cookie', world.cookies[who]);
  if (who === 'token') headers.set('authorization', `Bearer ${world.token}`);
  if (who === 'revokedToken') headers.set('authorization', `Bearer ${world.revokedToken}`);
  if (!who.endsWith('oken') && method !== 'GET') headers.set('origin', TEST_ORIGIN);
  return headers;
}

/** Sends a request and reads its status and body text; a stream (live events) is cancelled unread. */
export async function send(world: World, method: string, path: string, headers: Headers, body?: BodyInit) {
  const response = await world.portal.app.request(`${TEST_ORIGIN}${path}`, { method, headers, body });
  await world.portal.settled();
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, text: '' };
  }
  return { status: response.status, text: await response.text() };
}

/** A memory blob store that can be put back as it was, as portal.snapshot() does the database. */
function restorableBlobs() {
  let current = memoryBlobStore();
  const ids = new Set<string>();
  const completed = new Set<string>();
  const store: BlobStore = {
    create: async (id) => {
      ids.add(id);
      await current.create(id);
    },
    append: (id, offset, body, maxBytes) => current.append(id, offset, body, maxBytes),
    size: (id) => current.size(id),
    complete: async (id) => {
      completed.add(id);
      return current.complete(id);
    },
    open: (id, range) => current.open(id, range),
    delete: (id) => current.delete(id),
  };
  async function snapshot() {
    const saved: { id: string; bytes: Uint8Array; complete: boolean }[] = [];
    for (const id of ids) {
      const stream = await current.open(id);
      if (!stream) continue;
      saved.push({ id, bytes: new Uint8Array(await new Response(stream).arrayBuffer()), complete: completed.has(id) });
    }
    return async () => {
      current = memoryBlobStore();
      for (const { id, bytes, complete } of saved) {
        await current.create(id);
        await current.append(id, 0, new Blob([bytes.slice()]).stream(), bytes.byteLength);
        if (complete) await current.complete(id);
      }
    };
  }
  return { store, snapshot };
}
