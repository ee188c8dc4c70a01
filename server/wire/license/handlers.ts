import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { HttpError } from '../../http/errors';
import { issuedLicense } from '../../releases/issued-license';
import { requireMachine } from '../../service-accounts/credentials';

/**
 * License sync, as the vendor platform answers it. The Replicated SDK asks with Basic
 * `<licenseID>:<licenseID>` and reads any status ≥ 400 as a failure (replicated-sdk
 * pkg/license/license.go@b5ecbac3, GetLatestLicense, GetLatestLicenseFields,
 * GetLatestLicenseField); the Embedded Cluster installer sends the same credentials with
 * `?licenseSequence=N&selectedChannelId=…` and `Accept: application/yaml`, and wants a 200
 * (embedded-cluster pkg-new/replicatedapi/client.go@3ee1f5b9, SyncLicense). The query is not
 * read: Portico has one license per customer, the latest.
 */

/** GET /license/:appSlug: the license file, the same bytes as in the download and the chart. */
export async function getLicenseFile(c: Context<AppEnv, '/license/:appSlug'>) {
  const { identity } = await requireMachine(c, 'sdk');
  const license = await issuedLicense(c.get('deps'), identity.team.id);
  // replicated.app answers 401 here (replicated-sdk pact/license_test.go@b5ecbac3, a disabled
  // case); a 404 says what is wrong, and the clients treat both as a failure.
  if (c.req.param('appSlug') !== license.appSlug) {
    throw new HttpError(404, 'not_found', 'This license is not for that app.');
  }
  return c.body(license.yaml, 200, {
    'Content-Type': 'application/yaml; charset=utf-8',
    // The license ID in it is a credential.
    'Cache-Control': 'no-store',
  });
}

/** GET /license/fields: every entitlement of the license, expires_at included, by name. */
export async function getLicenseFields(c: Context<AppEnv>) {
  const { identity } = await requireMachine(c, 'sdk');
  const { fields } = await issuedLicense(c.get('deps'), identity.team.id);
  return c.json(fields, 200, { 'Cache-Control': 'no-store' });
}

/** GET /license/field/:name: one of them; a 404 tells the SDK the field is gone. */
export async function getLicenseField(c: Context<AppEnv, '/license/field/:name'>) {
  const { identity } = await requireMachine(c, 'sdk');
  const { fields } = await issuedLicense(c.get('deps'), identity.team.id);
  const name = c.req.param('name');
  // Own properties only: "constructor" or "__proto__" is not a field of every license.
  if (!Object.hasOwn(fields, name)) {
    throw new HttpError(404, 'not_found', `The license has no field ${JSON.stringify(name.slice(0, 100))}.`);
  }
  return c.json(fields[name], 200, { 'Cache-Control': 'no-store' });
}
