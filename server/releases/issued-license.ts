import { eq } from 'drizzle-orm';
import { parse } from 'yaml';
import type { Ports } from '../deps';
import { apps, channels, teams } from '../db/schema';
import { notFound } from '../http/errors';
import { licenseYaml } from './license-yaml';

/**
 * A license field as the Replicated SDK reads it from GET /license/fields (replicatedhq/replicated-sdk
 * pkg/license/types/types.go@b5ecbac3, LicenseField): an entitlement of the license, named.
 */
export type LicenseField = {
  name: string;
  title?: string;
  description?: string;
  value?: unknown;
  valueType?: string;
  isHidden?: boolean;
  /** v1 (kots.io/v1beta1) or v2 (v1beta2) signature, base64; empty for a license Portico made. */
  signature: { v1?: string; v2?: string };
};

/**
 * The license a team's machines run with, as Portico hands it out: in the Embedded Cluster
 * bundle, at GET /license/:app, and in the Helm chart's injected values. One function, so all
 * three are the same bytes.
 */
export type IssuedLicense = {
  /** The license file, byte for byte as served. */
  yaml: string;
  licenseId: string;
  appSlug: string;
  channelId: string;
  channelName: string;
  customerName: string;
  licenseType: string;
  /** Its entitlements (expires_at and the custom fields), by name. */
  fields: Record<string, LicenseField>;
};

export async function issuedLicense(deps: Pick<Ports, 'db' | 'publicUrl'>, teamId: string): Promise<IssuedLicense> {
  const [row] = await deps.db
    .select({ team: teams, app: apps, channel: channels })
    .from(teams)
    .innerJoin(apps, eq(apps.id, teams.appId))
    .innerJoin(channels, eq(channels.id, teams.channelId))
    .where(eq(teams.id, teamId));
  if (!row) throw notFound('Your team');
  const { team, app, channel } = row;
  // A vendor-issued file is served unchanged: its signature covers it (loaded and checked in
  // server/catalogue/license-files.ts).
  const yaml = team.licenseFile ?? licenseYaml({ team, app, channel, endpoint: deps.publicUrl });
  const spec = (parse(yaml) as { spec: LicenseSpec }).spec;
  return {
    yaml,
    licenseId: team.licenseId,
    appSlug: app.slug,
    channelId: channel.id,
    channelName: channel.name,
    customerName: spec.customerName ?? team.name,
    licenseType: spec.licenseType ?? team.licenseType,
    fields: fieldsOf(spec.entitlements ?? {}),
  };
}

type Entitlement = Omit<LicenseField, 'name' | 'signature'> & { signature?: { v1?: string; v2?: string } | null };
type LicenseSpec = { customerName?: string; licenseType?: string; entitlements?: Record<string, Entitlement> };

function fieldsOf(entitlements: Record<string, Entitlement>): Record<string, LicenseField> {
  return Object.fromEntries(
    Object.entries(entitlements).map(([name, e]) => {
      const field: LicenseField = { name, signature: {} };
      if (e.title !== undefined) field.title = e.title;
      if (e.description !== undefined) field.description = e.description;
      if (e.value !== undefined && e.value !== null) field.value = e.value;
      if (e.valueType !== undefined) field.valueType = e.valueType;
      if (e.isHidden) field.isHidden = true;
      if (e.signature?.v1) field.signature.v1 = e.signature.v1;
      if (e.signature?.v2) field.signature.v2 = e.signature.v2;
      return [name, field];
    }),
  );
}
