import { demoCatalogueText, readDemoAsset } from '../catalogue/demo';
import { loadCatalogue, type ReadAsset } from '../catalogue/load';
import { parseCatalogue } from '../catalogue/parse';
import type { TestPortal } from './test-portal';

/**
 * A license file in the shape the vendor platform issues (kots.io/v1beta1, keys sorted and values
 * unquoted as Go's YAML writer leaves them, signed entitlements), as a vendor would put next to
 * the catalogue. The signatures are made up: Portico serves the file without checking them.
 * Shape from replicatedhq/kotskinds apis/kots/v1beta1/license_types.go@c315724f.
 */
export function vendorLicense({
  licenseId = '2Ukd6ZSK5i9We0m9WznyHooli',
  appSlug = 'atlas',
  channelId = '2kLp9QvX7mRt4StableCh',
} = {}): string {
  return `apiVersion: kots.io/v1beta1
kind: License
metadata:
  name: hooli
spec:
  appSlug: ${appSlug}
  channelID: ${channelId}
  channelName: Stable
  channels:
  - channelID: ${channelId}
    channelName: Stable
    channelSlug: stable
    endpoint: https://updates.atlas.example
    isDefault: true
  customerEmail: it@hooli.example
  customerName: Hooli
  endpoint: https://updates.atlas.example
  entitlements:
    expires_at:
      description: License Expiration
      signature:
        v1: c2lnbmVkLWV4cGlyZXMtYXQ=
      title: Expiration
      value: "2027-06-30T00:00:00Z"
      valueType: String
    seats:
      signature:
        v1: c2lnbmVkLXNlYXRz
      title: Seats
      value: 40
      valueType: Integer
  isEmbeddedClusterDownloadEnabled: true
  isSupportBundleUploadSupported: true
  licenseID: ${licenseId}
  licenseSequence: 7
  licenseType: prod
  signature: eyJsaWNlbnNlRGF0YSI6Im1hZGUtdXAifQ==
`;
}

/** The demo catalogue plus Hooli on Stable, whose `license:` block is `license` (indented lines). */
export function catalogueWithHooli(license = '      file: licenses/hooli.yaml'): string {
  return `${demoCatalogueText}
  - name: Hooli
    channel: stable
    license:
${license}
      type: paid
      install_types: [embedded, helm]
    team:
      - email: gavin@hooli.example
        role: admin
`;
}

/** Loads a catalogue into the portal's database again, as a restart would, with these license files. */
export async function loadWithLicenseFiles(portal: TestPortal, text: string, files: Record<string, string>) {
  const read: ReadAsset = async (path, kind) => {
    if (kind === 'image') return readDemoAsset(path, kind);
    const file = files[path];
    if (file === undefined) throw new Error(`no license file ${path} in this test`);
    return { bytes: new TextEncoder().encode(file), contentType: 'application/yaml' };
  };
  await loadCatalogue(portal.db, parseCatalogue(text, 'portico.yaml'), read, portal.clock.now());
}
