/** Shapes of the vendor catalogue as the SPA sees it. Dates are ISO-8601 strings. */
import type { InstanceCounts } from './instances';

export const installTypes = ['helm', 'embedded', 'helm_airgap', 'airgap'] as const;
export type InstallType = (typeof installTypes)[number];

export const licenseTypes = ['paid', 'trial', 'dev', 'community'] as const;
export type LicenseType = (typeof licenseTypes)[number];

export const entitlementNames = ['gitops', 'identity', 'snapshots', 'support_bundle_upload'] as const;
export type EntitlementName = (typeof entitlementNames)[number];

export type Branding = {
  /** Where customers and their machines reach the portal (PUBLIC_URL); commands use its host. */
  portalUrl: string;
  appName: string;
  appSlug: string;
  title: string;
  primaryColor: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  supportUrl: string | null;
  contactEmail: string | null;
};

export type LicenseStatus = 'active' | 'expired';

export type License = {
  customerId: string;
  customerName: string;
  customId: string | null;
  licenseId: string;
  type: LicenseType;
  status: LicenseStatus;
  createdAt: string;
  expiresAt: string | null;
  channel: { slug: string; name: string };
  installTypes: InstallType[];
  entitlements: Record<EntitlementName, boolean>;
  customFields: { name: string; value: string }[];
};

export type Release = {
  version: string;
  sequence: number;
  required: boolean;
  releasedAt: string;
  notes: string;
};

export type ReleaseList = { channel: { slug: string; name: string }; releases: Release[] };

export type Dashboard = {
  installOptions: InstallType[];
  /** The same counts as the Instances page's tabs. */
  instances: InstanceCounts;
  license: { type: LicenseType; status: LicenseStatus; expiresAt: string | null; daysToExpiry: number | null };
  supportBundles: number;
  team: { members: number; serviceAccounts: number };
};

export type ReleaseImage = { repository: string; tag: string };
