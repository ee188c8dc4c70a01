import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { apps, channels, memberships, releases, teams, users } from '../db/schema';
import { hashToken, newId } from '../auth/tokens';
import type { BrandingAsset, BrandingConfig, Catalogue } from './schema';

const DAY_MS = 86_400_000;

/** Reads a branding file named in the catalogue (logo, favicon); the host decides from where. */
export type ReadAsset = (path: string) => Promise<{ bytes: Uint8Array; contentType: string }>;

/**
 * Writes the vendor catalogue into the database. Idempotent: natural keys (app slug, channel slug,
 * release version, license id, email) are upserted, so a second run updates and never duplicates.
 * Relative expiries count from the app's first load, so restarts do not move them.
 */
export async function loadCatalogue(db: Database, catalogue: Catalogue, readAsset: ReadAsset, now: Date) {
  const branding: BrandingConfig = {
    title: catalogue.branding.title,
    primaryColor: catalogue.branding.primary_color,
    supportUrl: catalogue.branding.support_url ?? null,
    contactEmail: catalogue.branding.contact_email ?? null,
    logo: await inline(catalogue.branding.logo, readAsset),
    favicon: await inline(catalogue.branding.favicon, readAsset),
  };

  await db.transaction(async (tx) => {
    const [app] = await tx
      .insert(apps)
      .values({ id: newId(), slug: catalogue.app.slug, name: catalogue.app.name, branding, firstLoadedAt: now })
      .onConflictDoUpdate({ target: apps.slug, set: { name: catalogue.app.name, branding } })
      .returning();
    const firstLoad = app!.firstLoadedAt;

    const channelIds = new Map<string, string>();
    for (const channel of catalogue.channels) {
      const [row] = await tx
        .insert(channels)
        .values({ id: newId(), appId: app!.id, slug: channel.slug, name: channel.name })
        .onConflictDoUpdate({ target: [channels.appId, channels.slug], set: { name: channel.name } })
        .returning({ id: channels.id });
      channelIds.set(channel.slug, row!.id);
      for (const release of channel.releases) {
        const values = {
          sequence: release.sequence,
          required: release.required,
          notes: release.notes,
          releasedAt: release.date,
        };
        await tx
          .insert(releases)
          .values({ id: newId(), channelId: row!.id, version: release.version, ...values })
          .onConflictDoUpdate({ target: [releases.channelId, releases.version], set: values });
      }
    }

    for (const customer of catalogue.customers) {
      const { license } = customer;
      const createdAt = license.created ?? firstLoad;
      const expiresAt =
        license.expires ??
        (license.expires_after_days ? new Date(firstLoad.getTime() + license.expires_after_days * DAY_MS) : null);
      const values = {
        licenseIdHash: await hashToken(license.id),
        name: customer.name,
        customId: customer.custom_id ?? null,
        channelId: channelIds.get(customer.channel)!,
        licenseType: license.type,
        licenseCreatedAt: createdAt,
        licenseExpiresAt: expiresAt,
        installTypes: license.install_types,
        entitlements: {
          gitops: license.entitlements.gitops ?? false,
          identity: license.entitlements.identity ?? false,
          snapshots: license.entitlements.snapshots ?? false,
          support_bundle_upload: license.entitlements.support_bundle_upload ?? false,
        },
        customFields: Object.entries(license.custom_fields).map(([name, value]) => ({ name, value: String(value) })),
      };
      const [team] = await tx
        .insert(teams)
        .values({ id: newId(), appId: app!.id, licenseId: license.id, ...values })
        .onConflictDoUpdate({ target: teams.licenseId, set: values })
        .returning({ id: teams.id });

      for (const member of customer.team) {
        const [user] = await tx
          .insert(users)
          .values({ id: newId(), email: member.email })
          .onConflictDoUpdate({ target: users.email, set: { email: sql`excluded.email` } })
          .returning({ id: users.id });
        await tx
          .insert(memberships)
          .values({ teamId: team!.id, userId: user!.id, role: member.role })
          .onConflictDoUpdate({ target: [memberships.teamId, memberships.userId], set: { role: member.role } });
      }
    }
  });
}

async function inline(path: string | undefined, readAsset: ReadAsset): Promise<BrandingAsset | null> {
  if (!path) return null;
  const { bytes, contentType } = await readAsset(path);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { contentType, base64: btoa(binary) };
}
