import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { EntitlementName, InstallType, LicenseType } from '../../contract/catalogue';
import type { BundleFacts, BundleFile } from '../../contract/support-bundle-facts';
import type { TeamActorKind } from '../../contract/actors';
import type { AuditAction, AuditActorKind } from '../../contract/audit';
import type { Locale, Role } from '../../contract/me';
import type { MembershipSource } from '../../contract/team';
import type { BrandingConfig } from '../catalogue/schema';
import type {
  CustomMetrics,
  InstallMethod,
  InstallOptions,
  InstanceDetails,
  InstanceStatus,
} from '../../contract/installs';
import type { InstanceSource } from '../../contract/airgap';
import type { BundleRejection, BundleSource, BundleStatus, BundleUploaderKind } from '../../contract/support-bundles';

// Mirrors server/db/migrations/*.sql, which are the source of truth for the database;
// schema.test.ts fails when the two differ.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const apps = pgTable('apps', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  branding: jsonb('branding').$type<BrandingConfig>().notNull(),
  firstLoadedAt: ts('first_loaded_at').notNull().defaultNow(),
  /** Days after which an air-gap record's data is stale (portico.yaml `app.airgap_report_cadence_days`). */
  airgapReportCadenceDays: integer('airgap_report_cadence_days').notNull().default(35),
  /** The most bytes one support bundle may have (portico.yaml `support.max_bundle_bytes`). */
  maxBundleBytes: bigint('max_bundle_bytes', { mode: 'number' }).notNull().default(2147483648),
});

export const channels = pgTable('channels', {
  id: text('id').primaryKey(),
  appId: text('app_id').notNull(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
});

export const releases = pgTable('releases', {
  id: text('id').primaryKey(),
  channelId: text('channel_id').notNull(),
  version: text('version').notNull(),
  sequence: integer('sequence').notNull(),
  required: boolean('required').notNull().default(false),
  notes: text('notes').notNull().default(''),
  releasedAt: ts('released_at').notNull(),
});

/** A license's custom field; valueType as the vendor platform names it (String, Integer, Boolean). */
export type CustomField = { name: string; value: string; valueType?: 'String' | 'Integer' | 'Boolean' };

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  appId: text('app_id').notNull(),
  name: text('name').notNull(),
  customId: text('custom_id'),
  channelId: text('channel_id').notNull(),
  licenseId: text('license_id').notNull(),
  /** hashToken(licenseId): what a machine's license-ID credential is looked up by. */
  licenseIdHash: text('license_id_hash'),
  licenseType: text('license_type').$type<LicenseType>().notNull(),
  licenseCreatedAt: ts('license_created_at').notNull(),
  licenseExpiresAt: ts('license_expires_at'),
  installTypes: text('install_types').array().$type<InstallType[]>().notNull(),
  entitlements: jsonb('entitlements').$type<Record<EntitlementName, boolean>>().notNull(),
  customFields: jsonb('custom_fields').$type<CustomField[]>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** The license file the vendor platform issued, served byte for byte; null: Portico generates one. */
  licenseFile: text('license_file'),
  /** Domains invites may go to (migration 0013); null: any. */
  domainAllowlist: text('domain_allowlist').array(),
  /** The language invitation emails are written in (migration 0015). */
  locale: text('locale').$type<Locale>().notNull().default('en'),
  /** When an admin last set `locale`; null: portico.yaml's value applies (docs/decisions/015-team-language.md). */
  localeSetAt: ts('locale_set_at'),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  locale: text('locale').$type<Locale>(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    teamId: text('team_id').notNull(),
    userId: text('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Where it came from (migration 0013): portico.yaml, or an accepted invite. */
    source: text('source').$type<MembershipSource>().notNull().default('catalogue'),
    /** The role portico.yaml last gave; a different role is an admin's choice, kept. */
    catalogueRole: text('catalogue_role').$type<Role>(),
    lastSeenAt: ts('last_seen_at'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

export const loginLinks = pgTable('login_links', {
  tokenHash: text('token_hash').primaryKey(),
  email: text('email').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull(),
  teamId: text('team_id').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const serviceAccounts = pgTable('service_accounts', {
  id: text('id').primaryKey(),
  teamId: text('team_id').notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
  /** 'install' for the just-in-time account of an install attempt, 'manual' for one an admin made. */
  kind: text('kind').$type<'install' | 'manual'>().notNull().default('manual'),
  lastUsedAt: ts('last_used_at'),
  /** Who made it: the admin for a manual account, whoever started the install for an install's. */
  createdBy: text('created_by'),
  /** After this a manual account's token is refused everywhere (issue 10). */
  expiresAt: ts('expires_at'),
  /** Whether created_by is a user's id or a service account's (migration 0016). */
  createdByKind: text('created_by_kind').$type<TeamActorKind>().notNull().default('user'),
});

export const instances = pgTable('instances', {
  id: text('id').primaryKey(),
  teamId: text('team_id').notNull(),
  /** The id the instance reports itself (X-Replicated-InstanceID), unique within a team. */
  externalId: text('external_id'),
  attemptId: text('attempt_id'),
  serviceAccountId: text('service_account_id'),
  airgap: boolean('airgap').notNull().default(false),
  status: text('status').$type<InstanceStatus>(),
  details: jsonb('details').$type<InstanceDetails>().notNull().default({}),
  firstCheckInAt: ts('first_check_in_at'),
  lastCheckInAt: ts('last_check_in_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** The latest custom metrics the instance's app reported (POST /application/custom-metrics). */
  customMetrics: jsonb('custom_metrics').$type<CustomMetrics>(),
  customMetricsReceivedAt: ts('custom_metrics_received_at'),
  /** An air-gap record's name (migration 0008); an instance that checks in is named otherwise. */
  name: text('name'),
  /** 'check_in' for an instance that reports itself, 'manual' for an air-gap record entered by hand. */
  source: text('source').$type<InstanceSource>().notNull().default('check_in'),
  installMethod: text('install_method').$type<InstallMethod>(),
  adminConsoleUrl: text('admin_console_url'),
  archivedAt: ts('archived_at'),
  recordedBy: text('recorded_by'),
  /** When the record's newest data was taken: at creation or edit, or from a support bundle. */
  dataAt: ts('data_at'),
  updatedAt: ts('updated_at'),
  /** When the instance first reported ready (migration 0009's trigger keeps it). */
  firstReadyAt: ts('first_ready_at'),
  /** Whether recorded_by is a user's id or a service account's; null with it (migration 0016). */
  recordedByKind: text('recorded_by_kind').$type<TeamActorKind>(),
});

export const installAttempts = pgTable('install_attempts', {
  id: text('id').primaryKey(),
  teamId: text('team_id').notNull(),
  serviceAccountId: text('service_account_id'),
  name: text('name').notNull(),
  method: text('method').$type<InstallMethod>().notNull(),
  options: jsonb('options').$type<InstallOptions>().notNull(),
  version: text('version').notNull(),
  startedBy: text('started_by').notNull(),
  startedAt: ts('started_at').notNull(),
  assetsDownloadedAt: ts('assets_downloaded_at'),
  registryAuthenticatedAt: ts('registry_authenticated_at'),
  imagesPulledAt: ts('images_pulled_at'),
  installationCompletedAt: ts('installation_completed_at'),
  instanceReadyAt: ts('instance_ready_at'),
  failedAt: ts('failed_at'),
  failureReason: text('failure_reason'),
  lastProgressAt: ts('last_progress_at').notNull(),
  discardedAt: ts('discarded_at'),
  /** The machine that joined this attempt through the license ID: 'cluster:<id>' or 'instance:<id>'. */
  claimedBy: text('claimed_by'),
  /** Whether started_by is a user's id or a service account's (migration 0016). */
  startedByKind: text('started_by_kind').$type<TeamActorKind>().notNull().default('user'),
});

export const registryPulls = pgTable(
  'registry_pulls',
  {
    attemptId: text('attempt_id').notNull(),
    repository: text('repository').notNull(),
    reference: text('reference').notNull(),
    pulledAt: ts('pulled_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.repository, t.reference] })],
);

/** An instance's bounded history (server/instances/history.ts); values as jsonb. */
export const instanceEvents = pgTable('instance_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  instanceId: text('instance_id').notNull(),
  teamId: text('team_id').notNull(),
  at: ts('at').notNull(),
  kind: text('kind').$type<'status' | 'field' | 'gap' | 'metric'>().notNull(),
  field: text('field'),
  oldValue: jsonb('old_value'),
  newValue: jsonb('new_value'),
});

/** A support bundle (migration 0010, issue 9); listed once its status is past 'uploading'. */
export const supportBundles = pgTable('support_bundles', {
  id: text('id').primaryKey(),
  teamId: text('team_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  instanceId: text('instance_id'),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedByKind: text('uploaded_by_kind').$type<BundleUploaderKind>().notNull(),
  source: text('source').$type<BundleSource>().notNull(),
  filename: text('filename').notNull(),
  /** What the client declared it would send. */
  size: bigint('size', { mode: 'number' }).notNull(),
  receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull().default(0),
  sha256: text('sha256'),
  status: text('status').$type<BundleStatus>().notNull().default('uploading'),
  rejection: jsonb('rejection').$type<BundleRejection>(),
  facts: jsonb('facts').$type<BundleFacts>(),
  files: jsonb('files').$type<BundleFile[]>(),
  collectedAt: ts('collected_at'),
  completedAt: ts('completed_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** The SDK's upload URL's secret, hashed (migration 0011); null for any other upload. */
  uploadTokenHash: text('upload_token_hash'),
});

/** The team's audit log (migration 0012): written once per action, never changed. */
export const auditEvents = pgTable('audit_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  teamId: text('team_id').notNull(),
  at: ts('at').notNull(),
  actorKind: text('actor_kind').$type<AuditActorKind>().notNull(),
  actorId: text('actor_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').$type<AuditAction>().notNull(),
  targetKind: text('target_kind'),
  targetId: text('target_id'),
  targetLabel: text('target_label'),
  clientAddress: text('client_address'),
  details: jsonb('details').$type<Record<string, string | number | boolean | null>>(),
});

/** Invitations to a team (migration 0013); the link's token is stored only as its hash. */
export const invites = pgTable('invites', {
  id: text('id').primaryKey(),
  teamId: text('team_id').notNull(),
  email: text('email').notNull(),
  role: text('role').$type<Role>().notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedBy: text('invited_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  acceptedAt: ts('accepted_at'),
  revokedAt: ts('revoked_at'),
});

/** People an admin removed (migration 0013), so the catalogue does not bring them back. */
export const membershipRemovals = pgTable(
  'membership_removals',
  {
    teamId: text('team_id').notNull(),
    email: text('email').notNull(),
    removedAt: ts('removed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.email] })],
);
