/**
 * The fixed corpus the route walk (server/route-walk.test.ts) sends: what an attacker or a
 * careless client puts where a route expects an id, a flag or a field (issue 6, defect 4).
 */

const LONG = 'x'.repeat(10_000);

/** Raw path segments, already percent-encoded as they would travel in a URL. */
export const HOSTILE_SEGMENTS = [
  '%00',
  'a%00b',
  '%ED%A0%80', // a lone surrogate (U+D800) encoded as UTF-8: not valid UTF-8
  '%FF',
  '%',
  LONG,
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '%22%27%3C%3E',
  'a%22,realm=%22https:%2F%2Fevil.example',
  '%0D%0ASet-Cookie:%20x=1',
  '%E2%80%AE', // right-to-left override
  '-1',
  '1e999',
  'null',
];

/** Strings as they arrive in a JSON field or a query parameter, once decoded. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'a\udfffb',
  LONG,
  '../../etc/passwd',
  `"'; --`,
  'a\r\nb',
  '\u202e',
  '',
];

/** Every JSON value a field should not accept: hostile strings, and every wrong type. */
export const HOSTILE_VALUES: unknown[] = [...HOSTILE_STRINGS, 42, -1, 1e308, [], ['a'], {}, { a: 1 }, null, true];

/** Whole bodies: empty, the wrong JSON type, not JSON, and a lone surrogate at the top level. */
export const HOSTILE_BODIES = [
  '',
  ' ',
  '{}',
  '[]',
  'null',
  '0',
  '"\\ud800"',
  'not json',
  '{"a":',
  '{"\\u0000":1}',
  '{"__proto__":{"admin":true}}',
];

/**
 * Header values that fetch's Headers will carry (it refuses NUL, CR, LF and anything above
 * U+00FF, so those cannot reach the server through a standard client): long, quoted, Latin-1,
 * and Basic credentials that decode to NUL or binary.
 */
export const HOSTILE_HEADER_VALUES = [
  LONG,
  `"'`,
  'caf\u00e9',
  `Basic ${btoa('\u0000:\u0000')}`,
  `Basic ${btoa(String.fromCharCode(...Array.from({ length: 64 }, (_, i) => (i * 37) % 256)))}`,
  `Basic ${btoa(`a:portico_sa_\u0000`)}`,
  'Basic !!!not-base64',
  'Bearer',
  `Bearer ${LONG}`,
  `portico_sa_${'x'.repeat(189)}`,
  '%00',
];

const HOSTILE_KEYS = ['\u0000', '\ud800', LONG];

/** A short, printable name for a value, for test labels. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 30)}…(${text.length} chars)` : text;
}

type JsonPath = (string | number)[];

/** Every node below the root of a JSON value (objects, arrays and leaves), as paths. */
function nodePaths(value: unknown, at: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...at, key], ...nodePaths(child, [...at, key])]);
}

function objectPaths(value: unknown, at: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [];
  const here = Array.isArray(value) ? [] : [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [...here, ...entries.flatMap(([key, child]) => objectPaths(child, [...at, key]))];
}

function withValue(example: unknown, path: JsonPath, value: unknown): unknown {
  const copy = structuredClone(example) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function withKeyRenamed(example: unknown, path: JsonPath, from: string, to: string): unknown {
  const copy = structuredClone(example) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  node[to] = node[from];
  delete node[from];
  return copy;
}

/**
 * Bodies that each differ from a valid example in one place: each whole-body variant, each
 * field (at any depth) set to each hostile value, and each key renamed to a hostile string.
 */
export function bodyVariants(example: unknown): { label: string; body: string; mustRefuse: boolean }[] {
  const variants = HOSTILE_BODIES.map((body) => ({ label: `body ${describeValue(body)}`, body, mustRefuse: true }));
  for (const path of nodePaths(example)) {
    for (const value of HOSTILE_VALUES) {
      variants.push({
        label: `${path.join('.')} = ${describeValue(value)}`,
        body: JSON.stringify(withValue(example, path, value)),
        mustRefuse: true,
      });
    }
  }
  for (const path of objectPaths(example)) {
    const node = path.reduce<unknown>((n, key) => (n as Record<string | number, unknown>)[key], example);
    for (const key of Object.keys(node as object)) {
      for (const hostile of HOSTILE_KEYS) {
        variants.push({
          label: `key ${[...path, key].join('.')} renamed ${describeValue(hostile)}`,
          body: JSON.stringify(withKeyRenamed(example, path, key, hostile)),
          // An unknown key is ignored, so a long one may leave a valid body; NUL or a lone
          // surrogate is refused wherever it is.
          mustRefuse: hostile !== LONG,
        });
      }
    }
  }
  return variants;
}
