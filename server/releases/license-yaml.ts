import type { teams } from '../db/schema';

type Team = typeof teams.$inferSelect;

export type LicenseYamlInput = {
  team: Team;
  app: { slug: string; name: string };
  channel: { id: string; slug: string; name: string };
  /** Where the clients sync the license and report to: the portal's public URL. */
  endpoint: string;
};

/**
 * The license Portico generates for a customer without a vendor-issued file: an unsigned
 * kots.io/v1beta1 License. Field names and types follow replicatedhq/kotskinds
 * apis/kots/v1beta1/license_types.go@c315724f (LicenseSpec, Channel, EntitlementField), and the
 * expires_at entitlement the vendor platform writes (pkg/licensewrapper/testdata/v1beta1.yaml,
 * same commit); isHelmAirgapEnabled is the vendor platform's customer flag, which the Enterprise
 * Portal reads from the license. A License holds no release (version label, sequences).
 *
 * Every top-level spec scalar is on its own `  key: value` line, strings JSON-quoted (valid
 * YAML), so a shell installer can read them with sed.
 */
export function licenseYaml(input: LicenseYamlInput): string {
  const { team, app, channel, endpoint } = input;
  const types = team.installTypes;
  const expiresAt = team.licenseExpiresAt?.toISOString().replace(/\.\d{3}Z$/, 'Z') ?? '';
  const lines = [
    `# ${app.name} license for ${team.name}, from the Enterprise Portal.`,
    '# Its license ID is a credential: keep it as secret as a password.',
    'apiVersion: kots.io/v1beta1',
    'kind: License',
    'metadata:',
    `  name: ${q(slugify(team.name))}`,
    'spec:',
    `  licenseID: ${q(team.licenseId)}`,
    `  licenseType: ${q(team.licenseType)}`,
    `  customerName: ${q(team.name)}`,
    `  appSlug: ${q(app.slug)}`,
    `  channelID: ${q(channel.id)}`,
    `  channelName: ${q(channel.name)}`,
    // The portal has no license history: the license it hands out is always the first.
    '  licenseSequence: 1',
    `  endpoint: ${q(endpoint)}`,
    `  isEmbeddedClusterDownloadEnabled: ${types.includes('embedded') || types.includes('airgap')}`,
    `  isAirgapSupported: ${types.includes('airgap')}`,
    `  isHelmAirgapEnabled: ${types.includes('helm_airgap')}`,
    `  isGitOpsSupported: ${team.entitlements.gitops}`,
    `  isIdentityServiceSupported: ${team.entitlements.identity}`,
    `  isSnapshotSupported: ${team.entitlements.snapshots}`,
    `  isSupportBundleUploadSupported: ${team.entitlements.support_bundle_upload}`,
    '  channels:',
    `    - channelID: ${q(channel.id)}`,
    `      channelName: ${q(channel.name)}`,
    `      channelSlug: ${q(channel.slug)}`,
    '      isDefault: true',
    `      endpoint: ${q(endpoint)}`,
    '  entitlements:',
    '    "expires_at":',
    '      title: "Expiration"',
    '      description: "License Expiration"',
    `      value: ${q(expiresAt)}`,
    '      valueType: "String"',
    ...team.customFields.flatMap((field) => [
      `    ${q(field.name)}:`,
      `      title: ${q(field.name)}`,
      // Integer and Boolean values are bare, as the vendor platform writes them; the rest quoted.
      `      value: ${field.valueType && field.valueType !== 'String' ? field.value : q(field.value)}`,
      `      valueType: ${q(field.valueType ?? 'String')}`,
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/** JSON strings are YAML double-quoted scalars. */
const q = (value: string) => JSON.stringify(value);

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'customer';
