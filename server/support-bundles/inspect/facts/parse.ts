import { parse as parseYaml } from 'yaml';

/** Helpers for reading untrusted bundle files: any failure is "no value", never an exception (A7 §12). */

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function textOf(bytes: Uint8Array | undefined): string | null {
  if (!bytes) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** JSON.parse; too deep nesting throws a RangeError, which is caught like any other error. */
export function jsonOf(bytes: Uint8Array | undefined): unknown {
  const text = textOf(bytes);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** YAML with aliases capped, so an alias bomb in version.yaml or a license costs nothing (A7 §12). */
export function yamlOf(bytes: Uint8Array | undefined): unknown {
  const text = textOf(bytes);
  if (text === null) return undefined;
  try {
    return parseYaml(text, { maxAliasCount: 20 }) as unknown;
  } catch {
    return undefined;
  }
}

export function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A non-empty string at `path` in nested objects, else null. */
export function stringAt(value: unknown, ...path: string[]): string | null {
  let at: unknown = value;
  for (const key of path) at = Object.hasOwn(record(at) ?? {}, key) ? record(at)![key] : undefined;
  return typeof at === 'string' && at !== '' ? at : null;
}

export function numberAt(value: unknown, ...path: string[]): number | null {
  let at: unknown = value;
  for (const key of path) at = Object.hasOwn(record(at) ?? {}, key) ? record(at)![key] : undefined;
  return typeof at === 'number' && Number.isSafeInteger(at) ? at : null;
}

/** The files under `pattern` (paths relative to the root), in path order so results are stable. */
export function filesMatching(files: Map<string, Uint8Array>, pattern: RegExp): [string, Uint8Array][] {
  return [...files].filter(([path]) => pattern.test(path)).sort(([a], [b]) => (a < b ? -1 : 1));
}
