import type { teams } from '../db/schema';

type Team = typeof teams.$inferSelect;

export type LicenseYamlInput = {
  team: Team;
  app: { slug: string; name: string };
  channel: { id: string; slug: string; name: string };
  release: { version: string; sequence: number };
  /** Where the installer reports to: the portal's public URL. */
  endpoint: string;
};

/**
 * The license file shipped in an Embedded Cluster bundle: a KOTS-style License (kots.io/v1beta1)
 * plus what the demo installer needs to report back (endpoint, token, release). Every scalar is
 * written on its own `  key: value` line with JSON quoting (valid YAML), so the installer can read
 * it with grep and sed.
 */
export function licenseYaml(input: LicenseYamlInput): string {
  const { team, app, channel, release } = input;
  const types = team.installTypes;
  const entitlements: [string, { title: string; value: string }][] = [
    ['expires_at', { title: 'Expiration', value: team.licenseExpiresAt?.toISOString() ?? '' }],
    ...team.customFields.map((f): [string, { title: string; value: string }] => [
      f.name,
      { title: f.name, value: f.value },
    ]),
  ];
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
    `  channelSlug: ${q(channel.slug)}`,
    `  endpoint: ${q(input.endpoint)}`,
    `  versionLabel: ${q(release.version)}`,
    `  channelSequence: ${release.sequence}`,
    `  releaseSequence: ${release.sequence}`,
    `  isEmbeddedClusterDownloadEnabled: ${types.includes('embedded') || types.includes('airgap')}`,
    `  isAirgapSupported: ${types.includes('airgap')}`,
    `  isHelmAirgapEnabled: ${types.includes('helm_airgap')}`,
    `  isGitOpsSupported: ${team.entitlements.gitops}`,
    `  isIdentityServiceSupported: ${team.entitlements.identity}`,
    `  isSnapshotSupported: ${team.entitlements.snapshots}`,
    `  isSupportBundleUploadSupported: ${team.entitlements.support_bundle_upload}`,
    '  entitlements:',
    ...entitlements.flatMap(([name, field]) => [
      `    ${q(name)}:`,
      `      title: ${q(field.title)}`,
      `      value: ${q(field.value)}`,
      '      valueType: "String"',
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
