import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { ReadAsset } from './load';
import { CatalogueError } from './parse';
import { licenseIdSchema, type Catalogue } from './schema';

const MAX_LICENSE_BYTES = 1024 * 1024;

/**
 * The part of a vendor-issued license Portico reads; the file itself is served unchanged. Field
 * names from replicatedhq/kotskinds apis/kots/v1beta1/license_types.go@c315724f (LicenseSpec,
 * Channel); v1beta2 (apis/kots/v1beta2/license_types.go, same commit) differs only in signatures.
 */
const licenseFileSchema = z.object({
  apiVersion: z.enum(['kots.io/v1beta1', 'kots.io/v1beta2']),
  kind: z.literal('License'),
  spec: z.object({
    licenseID: licenseIdSchema,
    appSlug: z.string(),
    channelID: z.string().optional(),
    channels: z.array(z.object({ channelID: z.string() })).optional(),
  }),
});

/** A customer's license as the vendor platform issued it: its text, byte for byte, and its ID. */
export type LicenseFile = { text: string; licenseId: string };

/**
 * Reads each customer's `license.file` and checks that it is a license of this app, for the
 * customer's license id (when the catalogue gives one) and channel: a file Portico serves must
 * work with the installers built for that channel. Null for a customer without a file.
 */
export async function readLicenseFiles(
  catalogue: Catalogue,
  channelIds: Map<string, string>,
  readAsset: ReadAsset,
): Promise<(LicenseFile | null)[]> {
  const files = await Promise.all(
    catalogue.customers.map(async (customer) => {
      const { file, id } = customer.license;
      if (!file) return null;
      const channelId = channelIds.get(customer.channel)!;
      return readLicenseFile(file, await readAsset(file, 'license'), { app: catalogue.app.slug, id, channelId });
    }),
  );

  const owners = new Map<string, string>();
  catalogue.customers.forEach((customer, i) => {
    const licenseId = files[i]?.licenseId ?? customer.license.id!;
    const other = owners.get(licenseId);
    if (other) {
      const { file } = customer.license;
      const [where, field] = file ? [file, 'spec.licenseID'] : ['the catalogue', `customers[${i}].license.id`];
      throw new CatalogueError(where, null, field, `${customer.name} has the license ID of ${other}`);
    }
    owners.set(licenseId, customer.name);
  });
  return files;
}

function readLicenseFile(
  path: string,
  { bytes }: { bytes: Uint8Array },
  expected: { app: string; id: string | undefined; channelId: string },
): LicenseFile {
  function fail(field: string | null, reason: string, line: number | null = null): never {
    throw new CatalogueError(path, line, field, reason);
  }
  if (bytes.length > MAX_LICENSE_BYTES) fail(null, 'a license file is at most 1 MB');
  let text = '';
  try {
    // ignoreBOM keeps a byte order mark in the text, so the file is served byte for byte.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    fail(null, 'is not UTF-8 text');
  }
  if (text.includes('\0')) fail(null, 'is not a license file (it holds a NUL byte)');

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError) fail(null, syntaxError.message.split('\n')[0]!, lines.linePos(syntaxError.pos[0]).line);
  const lineOf = (...keys: string[]) => {
    const node = doc.getIn(keys, true);
    return isNode(node) && node.range ? lines.linePos(node.range[0]).line : null;
  };

  const result = licenseFileSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const keys = issue.path.map(String);
    fail(keys.join('.') || null, `${issue.message} (expected a kots.io License)`, lineOf(...keys));
  }
  const { spec } = result.data;
  if (spec.appSlug !== expected.app) {
    fail(
      'spec.appSlug',
      `is "${spec.appSlug}", but the catalogue's app is "${expected.app}"`,
      lineOf('spec', 'appSlug'),
    );
  }
  if (expected.id !== undefined && spec.licenseID !== expected.id) {
    const reason = `is "${spec.licenseID}", but the catalogue gives this customer license id "${expected.id}" (omit the id to take the file's)`;
    fail('spec.licenseID', reason, lineOf('spec', 'licenseID'));
  }
  const channelIds = [...new Set([spec.channelID, ...(spec.channels ?? []).map((c) => c.channelID)])].filter(Boolean);
  if (!channelIds.includes(expected.channelId)) {
    const reason =
      `names channel ${channelIds.map((id) => `"${id}"`).join(', ') || 'none'}, but the customer's channel has id ` +
      `"${expected.channelId}": set that channel's id in the catalogue to the vendor platform's`;
    fail('spec.channelID', reason, lineOf('spec', 'channelID'));
  }
  return { text, licenseId: spec.licenseID };
}
