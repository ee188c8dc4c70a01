import { describe, expect, it } from 'vitest';
import { createTestPortal } from '../testing/test-portal';

const isoDate = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

describe('GET /api/team/members', () => {
  it("lists Acme's members with their roles to alice", async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('alice@acme.example');
    const response = await portal.request('/api/team/members', { cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { id: expect.any(String), email: 'alice@acme.example', role: 'admin', joinedAt: isoDate },
      { id: expect.any(String), email: 'bob@acme.example', role: 'member', joinedAt: isoDate },
    ]);
  });

  it("lists only Globex's member to carol", async () => {
    const portal = await createTestPortal();
    const cookie = await portal.signIn('carol@globex.example');
    const members = await (await portal.request('/api/team/members', { cookie })).json();
    expect(members.map((m: { email: string }) => m.email)).toEqual(['carol@globex.example']);
  });
});
