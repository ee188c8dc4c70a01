import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { apps, channels, releases, teams, type CustomField } from '../db/schema';
import { hashToken, newId } from '../auth/tokens';
import { derivedChannelId } from './channel-id';
import { syncCatalogueMembers } from './team-members';
import { readLicenseFiles } from './license-files';
import type { BrandingAsset, BrandingConfig, Catalogue } from './schema';

const DAY_MS = 86_400_000;

/**
 * Reads a file named in the catalogue, relative to it: a branding image (logo, favicon) or a
 * customer's license file. The host decides from where, and refuses what is not of the kind.
 */
export type ReadAsset = (
  path: string,
  kind: 'image' | 'license',
) => Promise<{ bytes: Uint8Array; contentType: string }>;

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
  const channelIds = new Map<string, string>();
  for (const channel of catalogue.channels) {
    channelIds.set(channel.slug, channel.id ?? (await derivedChannelId(catalogue.app.slug, channel.slug)));
  }
  const licenseFiles = await readLicenseFiles(catalogue, channelIds, readAsset);

  const appValues = {
    name: catalogue.app.name,
    branding,
    airgapReportCadenceDays: catalogue.app.airgap_report_cadence_days,
    maxBundleBytes: catalogue.support.max_bundle_bytes,
  };
  await db.transaction(async (tx) => {
    const [app] = await tx
      .insert(apps)
      .values({ id: newId(), slug: catalogue.app.slug, firstLoadedAt: now, ...appValues })
      .onConflictDoUpdate({ target: apps.slug, set: appValues })
      .returning();
    const firstLoad = app!.firstLoadedAt;

    await moveChannelIds(tx, app!.id, channelIds);
    for (const channel of catalogue.channels) {
      const [row] = await tx
        .insert(channels)
        .values({ id: channelIds.get(channel.slug)!, appId: app!.id, slug: channel.slug, name: channel.name })
        .onConflictDoUpdate({ target: [channels.appId, channels.slug], set: { name: channel.name } })
        .returning({ id: channels.id });
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

    for (const [i, customer] of catalogue.customers.entries()) {
      const { license } = customer;
      const file = licenseFiles[i];
      const licenseId = file?.licenseId ?? license.id!;
      const createdAt = license.created ?? firstLoad;
      const expiresAt =
        license.expires ??
        (license.expires_after_days ? new Date(firstLoad.getTime() + license.expires_after_days * DAY_MS) : null);
      const values = {
        licenseIdHash: await hashToken(licenseId),
        licenseFile: file?.text ?? null,
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
        customFields: Object.entries(license.custom_fields).map(([name, value]) => customField(name, value)),
      };
      const locale = customer.locale ?? 'en';
      const [team] = await tx
        .insert(teams)
        .values({ id: newId(), appId: app!.id, licenseId, locale, ...values })
        .onConflictDoUpdate({
          target: teams.licenseId,
          // The file's language applies until an admin sets one (docs/decisions/015-team-language.md).
          set: {
            ...values,
            locale: sql`CASE WHEN ${teams.localeSetAt} IS NULL THEN excluded.locale ELSE ${teams.locale} END`,
          },
        })
        .returning({ id: teams.id });

      await syncCatalogueMembers(tx, team!.id, customer.team);
    }
  });
}

/**
 * Gives the stored channels the ids the catalogue now names (a database from before stable ids,
 * or a vendor who sets an id later). The foreign keys cascade on update (migration 0004), so the
 * releases and teams follow. Through a temporary id first, so two channels may swap ids.
 */
async function moveChannelIds(tx: Database, appId: string, ids: Map<string, string>) {
  const stored = await tx
    .select({ id: channels.id, slug: channels.slug })
    .from(channels)
    .where(eq(channels.appId, appId));
  const moving = stored.filter((c) => ids.has(c.slug) && ids.get(c.slug) !== c.id);
  for (const c of moving)
    await tx
      .update(channels)
      .set({ id: `moving:${c.id}` })
      .where(eq(channels.id, c.id));
  for (const c of moving) {
    await tx
      .update(channels)
      .set({ id: ids.get(c.slug)! })
      .where(eq(channels.id, `moving:${c.id}`));
  }
}

/** A custom field keeps the type the catalogue wrote, which the license's valueType reports. */
function customField(name: string, value: string | number | boolean): CustomField {
  if (typeof value === 'boolean') return { name, value: String(value), valueType: 'Boolean' };
  // The vendor platform's Integer is a Go int64; any other number is written as text.
  if (typeof value === 'number' && Number.isSafeInteger(value))
    return { name, value: String(value), valueType: 'Integer' };
  return { name, value: String(value), valueType: 'String' };
}

async function inline(path: string | undefined, readAsset: ReadAsset): Promise<BrandingAsset | null> {
  if (!path) return null;
  const { bytes, contentType } = await readAsset(path, 'image');
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { contentType, base64: btoa(binary) };
}
