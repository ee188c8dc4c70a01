import { z } from 'zod';
import { entitlementNames, installTypes, licenseTypes } from '../../contract/catalogue';
import { locales, roles } from '../../contract/me';
import { emailSchema } from '../../contract/auth';
import { DEFAULT_AIRGAP_REPORT_CADENCE_DAYS } from '../../contract/airgap';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../../contract/support-bundles';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes');
const hexColor = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour like #4f46e5');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });
const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const date = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'must be a date like 2026-01-31' });
    return z.NEVER;
  }
  return date;
});

const brandingSchema = z.strictObject({
  title: z.string().min(1).max(255),
  logo: z.string().min(1).optional(),
  favicon: z.string().min(1).optional(),
  primary_color: hexColor.default('#4f46e5'),
  support_url: httpUrl.optional(),
  contact_email: emailSchema.optional(),
});

const releaseSchema = z.strictObject({
  version: z.string().min(1).max(64),
  sequence: z.number().int().positive(),
  required: z.boolean().default(false),
  date: isoDate,
  notes: z.string().max(100_000).default(''),
});

/** A channel id as the vendor platform makes them (e.g. 2Ukd6ZSK5i9We0m9WznyBI19RtM). */
const channelIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, dashes or underscores');
export const licenseIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, dashes or underscores');

const channelSchema = z.strictObject({
  /**
   * The vendor platform's id of this channel, which its installers are built with; without one,
   * Portico derives a stable id from the app and channel slugs (server/catalogue/channel-id.ts).
   */
  id: channelIdSchema.optional(),
  slug,
  name: z.string().min(1).max(100),
  releases: z.array(releaseSchema).default([]),
});

const licenseSchema = z
  .strictObject({
    /** Optional with a `file`, which holds the license ID. */
    id: licenseIdSchema.optional(),
    /** The license file the vendor platform issued (signed YAML), relative to the catalogue. */
    file: z.string().min(1).optional(),
    type: z.enum(licenseTypes),
    created: isoDate.optional(),
    expires: isoDate.optional(),
    expires_after_days: z.number().int().positive().optional(),
    install_types: z.array(z.enum(installTypes)).min(1),
    entitlements: z.partialRecord(z.enum(entitlementNames), z.boolean()).default({}),
    custom_fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .refine((l) => !(l.expires && l.expires_after_days), {
    message: 'set either expires or expires_after_days, not both',
    path: ['expires_after_days'],
  })
  .refine((l) => !Object.hasOwn(l.custom_fields, 'expires_at'), {
    message: "is the license's expiry: set expires or expires_after_days instead",
    path: ['custom_fields', 'expires_at'],
  })
  .refine((l) => l.id || l.file, {
    message: 'set the license id, or the license file the vendor platform issued',
    path: ['id'],
  });

const customerSchema = z.strictObject({
  name: z.string().min(1).max(200),
  custom_id: z.string().max(200).optional(),
  channel: slug,
  license: licenseSchema,
  team: z.array(z.strictObject({ email: emailSchema, role: z.enum(roles) })).default([]),
  /**
   * The team's language for invitation emails, until an admin sets one in the portal
   * (docs/decisions/015-team-language.md). Without it, English.
   */
  locale: z.enum(locales).optional(),
});

export const catalogueSchema = z
  .strictObject({
    app: z.strictObject({
      slug,
      name: z.string().min(1).max(200),
      /** Days after which an air-gap instance record's data is stale (issue 8). */
      airgap_report_cadence_days: z.number().int().positive().max(3650).default(DEFAULT_AIRGAP_REPORT_CADENCE_DAYS),
    }),
    branding: brandingSchema,
    channels: z.array(channelSchema).min(1),
    customers: z.array(customerSchema).default([]),
    /** Directory of installer bundles and the OCI image layout, relative to this file. */
    artifacts: z.string().min(1).default('artifacts'),
    /** Support bundles (issue 9): the most bytes one may have. */
    support: z
      .strictObject({
        max_bundle_bytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(DEFAULT_MAX_BUNDLE_BYTES),
      })
      .default({ max_bundle_bytes: DEFAULT_MAX_BUNDLE_BYTES }),
  })
  .superRefine((catalogue, ctx) => {
    const channelSlugs = new Set(catalogue.channels.map((c) => c.slug));
    catalogue.customers.forEach((customer, i) => {
      if (!channelSlugs.has(customer.channel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['customers', i, 'channel'],
          message: `no channel "${customer.channel}" is declared under channels`,
        });
      }
    });
    const unique = <T>(
      items: T[],
      key: (item: T) => string | undefined,
      path: (i: number) => (string | number)[],
      what: string,
    ) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const value = key(item);
        if (value === undefined) return;
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path: path(i), message: `${what} "${value}" is declared twice` });
        seen.add(value);
      });
    };
    unique(
      catalogue.channels,
      (c) => c.slug,
      (i) => ['channels', i, 'slug'],
      'channel',
    );
    unique(
      catalogue.channels,
      (c) => c.id,
      (i) => ['channels', i, 'id'],
      'channel id',
    );
    // The ids inside license files are compared once the files are read (license-files.ts).
    unique(
      catalogue.customers,
      (c) => c.license.id,
      (i) => ['customers', i, 'license', 'id'],
      'license id',
    );
    catalogue.customers.forEach((customer, c) =>
      unique(
        customer.team,
        (m) => m.email,
        (i) => ['customers', c, 'team', i, 'email'],
        'team member',
      ),
    );
    catalogue.channels.forEach((channel, c) => {
      unique(
        channel.releases,
        (r) => r.version,
        (i) => ['channels', c, 'releases', i, 'version'],
        'version',
      );
      const seen = new Set<number>();
      channel.releases.forEach((release, r) => {
        if (seen.has(release.sequence)) {
          ctx.addIssue({
            code: 'custom',
            path: ['channels', c, 'releases', r, 'sequence'],
            message: `sequence ${release.sequence} is used twice on channel ${channel.slug}`,
          });
        }
        seen.add(release.sequence);
      });
    });
  });

export type Catalogue = z.output<typeof catalogueSchema>;

/** Branding as stored: assets are inlined so every host can serve them from the database. */
export type BrandingAsset = { contentType: string; base64: string };
export type BrandingConfig = {
  title: string;
  primaryColor: string;
  supportUrl: string | null;
  contactEmail: string | null;
  logo: BrandingAsset | null;
  favicon: BrandingAsset | null;
};
