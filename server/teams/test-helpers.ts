import type { InviteWithLink, TeamMember } from '../../contract/team';
import type { TestPortal } from '../testing/test-portal';

/** Signs in alice (Acme's admin) and invites `email` with `role`; returns her cookie and the invite. */
export async function invite(portal: TestPortal, email: string, role = 'member', cookie?: string) {
  const alice = cookie ?? (await portal.signIn('alice@acme.example'));
  const response = await portal.request('/api/team/invites', { method: 'POST', cookie: alice, json: { email, role } });
  // On a refusal, `body.error` is the error; the type says what a success holds.
  const body = (await response.json()) as InviteWithLink & { error: { details: { fields: Record<string, string> } } };
  return { alice, response, body };
}

export const tokenOf = (url: string) => url.split('#token=')[1]!;

/** Accepts an invite link as its holder would; returns the new session cookie. */
export async function accept(portal: TestPortal, token: string) {
  const response = await portal.request('/api/invites/accept', { method: 'POST', json: { token } });
  return { response, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

export async function members(portal: TestPortal, cookie: string) {
  return (await (await portal.request('/api/team/members', { cookie })).json()) as TeamMember[];
}
