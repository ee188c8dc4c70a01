import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../contract/me';
import { newId } from '../auth/tokens';
import type { Database } from '../db/database';
import { membershipRemovals, memberships, sessions, users } from '../db/schema';

/**
 * Brings a team's catalogue members in line with portico.yaml (docs/decisions/012-catalogue-members.md):
 * a person the file names joins unless an admin removed them; the file's role applies while no
 * admin has changed it; a person the file no longer names loses the membership the file gave
 * (and its sessions). Memberships from invites are never touched.
 */
export async function syncCatalogueMembers(tx: Database, teamId: string, members: { email: string; role: Role }[]) {
  const removed = new Set(
    (
      await tx
        .select({ email: membershipRemovals.email })
        .from(membershipRemovals)
        .where(eq(membershipRemovals.teamId, teamId))
    ).map((r) => r.email),
  );
  for (const member of members) {
    if (removed.has(member.email)) continue;
    const [user] = await tx
      .insert(users)
      .values({ id: newId(), email: member.email })
      .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
      .returning({ id: users.id });
    const fromFile = sql`${memberships.source} = 'catalogue'`;
    await tx
      .insert(memberships)
      .values({ teamId, userId: user!.id, role: member.role, source: 'catalogue', catalogueRole: member.role })
      .onConflictDoUpdate({
        target: [memberships.teamId, memberships.userId],
        set: {
          role: sql`CASE WHEN ${fromFile} AND ${memberships.role} = ${memberships.catalogueRole}
                    THEN excluded.role ELSE ${memberships.role} END`,
          catalogueRole: sql`CASE WHEN ${fromFile} THEN excluded.catalogue_role ELSE ${memberships.catalogueRole} END`,
        },
      });
  }

  const named = new Set(members.map((m) => m.email));
  const stored = await tx
    .select({ userId: memberships.userId, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.source, 'catalogue')));
  const gone = stored.filter((m) => !named.has(m.email)).map((m) => m.userId);
  if (gone.length === 0) return;
  await tx.delete(memberships).where(and(eq(memberships.teamId, teamId), inArray(memberships.userId, gone)));
  await tx.delete(sessions).where(and(eq(sessions.teamId, teamId), inArray(sessions.userId, gone)));
}
