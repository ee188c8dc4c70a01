import { and, asc, eq } from 'drizzle-orm';
import { isMap, parse, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Ports } from '../deps';
import { apps, channels, memberships, releases, users } from '../db/schema';
import { issuedLicense } from './issued-license';

/** The values the portal's registry puts into a customer's Helm chart (issue 7). */
export type InjectedValues = {
  /** The Replicated SDK subchart's values: what its Secret `replicated` (config.yaml) is made of. */
  replicated: Record<string, unknown>;
  global: { replicated: Record<string, unknown> };
};

/**
 * What the Replicated registry injects into the chart a customer pulls, so the SDK subchart starts
 * with the customer's license and reports to this portal, and the vendor's templates can read the
 * license and a pull secret. Names and shapes, from the real sources:
 * - `replicated.*`: replicatedhq/replicated-sdk chart/values.yaml@10f88848 (the block "typically
 *   injected by the Replicated Registry") and chart/templates/replicated-secret.yaml@41242f2e
 *   (license as a YAML string, channelSequence/releaseSequence as integers, the rest strings).
 * - `global.replicated.*`: replicatedhq/kots pkg/upstream/helm.go@82dd3aed
 *   (buildGlobalReplicatedValues: channelName, customerName, customerEmail, licenseID,
 *   licenseType, licenseFields = the license's entitlements with `name` filled in, dockerconfigjson
 *   = base64 of {"auths":{<registry>:{"auth":base64(licenseID:licenseID)}}}); the SDK reads
 *   global.replicated.licenseFields before its own (chart/templates/_helpers.tpl@6d3141d9) and
 *   turns dockerconfigjson into `enterprise-pull-secret` (enterprise-pull-secret.yaml@ec7e444a).
 * Like KOTS, the license-derived values are read from the license as it is handed out
 * (issuedLicense), so the chart, the bundle and GET /license never disagree. Nothing here reads
 * the clock: a customer's chart digest stays the same only while these values do.
 *
 * Returns the values for each release version on the team's channel (null for any other).
 */
export async function customerChartValues(
  deps: Pick<Ports, 'db' | 'publicUrl'>,
  teamId: string,
): Promise<(version: string) => InjectedValues | null> {
  const license = await issuedLicense(deps, teamId);
  const spec = licenseSpec(license.yaml);
  const released = await deps.db
    .select({ release: releases, appName: apps.name })
    .from(releases)
    .innerJoin(channels, eq(channels.id, releases.channelId))
    .innerJoin(apps, eq(apps.id, channels.appId))
    .where(eq(releases.channelId, license.channelId));
  const licenseFields = licenseFieldsOf(spec.entitlements);
  const auth = base64(`${license.licenseId}:${license.licenseId}`);
  const registry = new URL(deps.publicUrl).host;
  const global = {
    channelName: license.channelName,
    customerEmail: str(spec.customerEmail) || (await customerEmailOf(deps, teamId)),
    customerName: str(spec.customerName),
    dockerconfigjson: base64(JSON.stringify({ auths: { [registry]: { auth } } })),
    licenseFields,
    licenseID: license.licenseId,
    licenseType: str(spec.licenseType),
  };
  return (version) => {
    const found = released.find((r) => r.release.version === version);
    if (!found) return null;
    const { release, appName } = found;
    const replicated = {
      license: license.yaml,
      licenseFields,
      appName,
      channelID: license.channelId,
      channelName: license.channelName,
      // Portico numbers releases once per channel, so the channel's and the release's sequence
      // are the same number, as in the license (license-yaml.ts).
      channelSequence: release.sequence,
      releaseSequence: release.sequence,
      releaseCreatedAt: release.releasedAt.toISOString(),
      releaseNotes: release.notes,
      versionLabel: release.version,
      replicatedAppEndpoint: deps.publicUrl,
    };
    return { replicated, global: { replicated: global } };
  };
}

/**
 * A chart's values.yaml with the injected values merged in: the vendor's other values, comments
 * and layout stay; under `replicated` and `global.replicated` the injected keys win. Injected
 * strings are written quoted (multi-line ones as literal blocks), so Helm's YAML 1.1 parser
 * cannot read a name such as "no" or "on" as a boolean.
 */
export function mergeChartValues(valuesYaml: string | null, injected: InjectedValues): string {
  const doc: Document = parseDocument(valuesYaml ?? '');
  if (doc.errors.length > 0) throw new Error(`The chart's values.yaml is not valid YAML: ${doc.errors[0]!.message}`);
  if (doc.contents === null) doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) throw new Error("The chart's values.yaml is not a map of values.");
  const targets: [string[], Record<string, unknown>][] = [
    [['replicated'], injected.replicated],
    [['global', 'replicated'], injected.global.replicated],
  ];
  for (const [path, values] of targets) {
    for (let depth = 1; depth <= path.length; depth++) {
      const at = path.slice(0, depth);
      if (!isMap(doc.getIn(at, true))) doc.setIn(at, doc.createNode({}));
    }
    for (const [key, value] of Object.entries(values)) doc.setIn([...path, key], quoted(doc.createNode(value)));
  }
  return doc.toString({ lineWidth: 0 });
}

function quoted(node: Node): Node {
  visit(node, {
    Scalar(key, scalar) {
      if (key === 'key' || typeof scalar.value !== 'string') return;
      scalar.type = scalar.value.includes('\n') ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE';
    },
  });
  return node;
}

type LicenseSpec = { customerName?: unknown; customerEmail?: unknown; licenseType?: unknown; entitlements?: unknown };

function licenseSpec(yaml: string): LicenseSpec {
  const license: unknown = parse(yaml);
  const spec = (license as { spec?: unknown } | null)?.spec;
  return spec && typeof spec === 'object' ? (spec as LicenseSpec) : {};
}

/** The license's entitlements by name, each with its `name` (kots helm.go fills in a missing one). */
function licenseFieldsOf(entitlements: unknown): Record<string, Record<string, unknown>> {
  if (!entitlements || typeof entitlements !== 'object') return {};
  return Object.fromEntries(
    Object.entries(entitlements as Record<string, unknown>).map(([name, field]) => {
      const fields = field && typeof field === 'object' ? (field as Record<string, unknown>) : { value: field };
      return [name, { ...fields, name: str(fields.name) || name }];
    }),
  );
}

/**
 * A Portico customer has no email of its own (portico.yaml names a team, not a contact), so when
 * the license carries none, the customer's email is its first admin's: who the vendor set up.
 */
async function customerEmailOf(deps: Pick<Ports, 'db'>, teamId: string): Promise<string> {
  const [admin] = await deps.db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, teamId), eq(memberships.role, 'admin')))
    .orderBy(asc(memberships.createdAt), asc(users.email))
    .limit(1);
  return admin?.email ?? '';
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));
}
