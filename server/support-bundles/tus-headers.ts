import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { TUS_VERSION, uploadMetadataSchema, type UploadMetadata } from '../../contract/support-bundles';
import { HttpError } from '../http/errors';

/** A refusal naming the request header at fault. */
export const headerError = (header: string, message: string, status: 400 | 412 | 415 = 400) =>
  new HttpError(status, status === 400 ? 'validation_failed' : 'bad_request', message, {
    headers: { [header]: message },
  });

/** A header parsed with the contract's schema; a 400 names the header. */
export function readHeader<S extends z.ZodType>(c: Context, name: string, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.header(name));
  if (result.success) return result.data;
  throw headerError(name, result.error.issues[0]?.message ?? `${name} is invalid.`);
}

/**
 * Every answer under the upload path carries Tus-Resumable, refusals included (tus 1.0.0, "Core
 * Protocol"); a request that names another version of the protocol is refused with 412.
 */
export const tusResumable = createMiddleware(async (c, next) => {
  const version = c.req.header('tus-resumable');
  if (c.req.method !== 'OPTIONS' && version !== undefined && version !== TUS_VERSION) {
    c.header('Tus-Resumable', TUS_VERSION);
    c.header('Tus-Version', TUS_VERSION);
    throw headerError('Tus-Resumable', `Tus-Resumable: this portal speaks tus ${TUS_VERSION}, not ${version}.`, 412);
  }
  await next();
  c.res.headers.set('Tus-Resumable', TUS_VERSION);
});

/** Refused unless the client says which protocol it speaks: the requests that change an upload. */
export function requireTusVersion(c: Context) {
  if (c.req.header('tus-resumable') === undefined) {
    throw headerError('Tus-Resumable', `Tus-Resumable is required: send Tus-Resumable: ${TUS_VERSION}.`);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * tus Upload-Metadata: comma-separated pairs of a key and its value in base64, the value
 * optional; keys unique. Decoded as UTF-8, then held to the contract's schema.
 */
export function readUploadMetadata(c: Context): UploadMetadata {
  const header = c.req.header('upload-metadata') ?? '';
  const bad = (message: string) => headerError('Upload-Metadata', `Upload-Metadata: ${message}`);
  const pairs: Record<string, string> = {};
  for (const pair of header.split(',')) {
    if (pair.trim() === '') continue;
    const [key, value = '', ...rest] = pair.trim().split(' ');
    if (!key || rest.length > 0) throw bad('each pair is a key, a space and a base64 value.');
    if (Object.hasOwn(pairs, key)) throw bad(`${key} is given twice.`);
    pairs[key] = decodeBase64Text(value, () => bad(`the value of ${key} is not base64 of UTF-8 text.`));
  }
  const result = uploadMetadataSchema.safeParse({ filename: pairs.filename, instanceId: pairs.instanceId });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw bad(`${String(issue?.path[0] ?? 'filename')}: ${issue?.message ?? 'is invalid.'}`);
}

function decodeBase64Text(value: string, fail: () => Error): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1) throw fail();
  try {
    const binary = atob(value);
    return decoder.decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  } catch {
    throw fail();
  }
}
