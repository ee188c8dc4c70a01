import { TEST_ORIGIN } from './test-portal';
import { HOSTILE_HEADER_VALUES, HOSTILE_SEGMENTS, HOSTILE_STRINGS, bodyVariants, describeValue } from './hostile-input';

/**
 * Builds the route walk's requests (server/route-walk.test.ts): for one route of the app's own
 * route list, one request per hostile value in each path parameter, query parameter, header and
 * JSON field, everything else valid.
 */

export type Area = 'api' | 'oci' | 'machine';

export const areaOf = (path: string): Area =>
  path === '/v2' || path.startsWith('/v2/') ? 'oci' : path === '/api' || path.startsWith('/api/') ? 'api' : 'machine';

export type Probe = {
  label: string;
  method: string;
  path: string;
  headers: Headers;
  body?: string;
  /** Whether the hostile value sits where the route must refuse it (a 4xx), not merely survive it. */
  mustRefuse: boolean;
};

/** What the walk needs to know about the portal it walks: valid values and credentials. */
export type WalkContext = {
  cookie: string;
  /** A service-account token of an install attempt on the signed-in team. */
  token: string;
  /** A valid value for each path parameter name; '*' for a wildcard. */
  params: Record<string, string>;
  /** A valid JSON body per "METHOD /path" of every route that reads one, null for none. */
  bodies: Record<string, unknown>;
  /** The query parameters each "METHOD /path" reads. */
  queries: Record<string, string[]>;
  /** Routes anyone may call: a session cookie is not what they read. */
  publicRoutes: string[];
};

const PARAM = /:(\w+)(\{[^}]*\})?|\*/g;

const paramNames = (pattern: string) => [...pattern.matchAll(PARAM)].map((m) => m[1] ?? '*');

function fillPath(pattern: string, values: Record<string, string>) {
  return pattern.replace(PARAM, (_, name: string | undefined) => {
    const value = values[name ?? '*'];
    if (value === undefined) throw new Error(`the route walk has no valid value for :${name} in ${pattern}`);
    return value;
  });
}

const SDK_HEADERS = {
  'user-agent': 'Replicated-SDK/1.0.0',
  'x-replicated-instanceid': 'inst-0001',
  'x-replicated-appstatus': 'ready',
  'x-replicated-downstreamchannelsequence': '5',
  'x-replicated-k8sversion': 'v1.31.4+k0s',
};

/** Paths the Replicated SDK calls, with Basic licenseID:licenseID and its instance headers. */
const isSdkPath = (path: string) => /^\/(kots_metrics|release|application|license|v3)\//.test(path);

/** The headers a well-behaved caller of this route sends. */
function validHeaders(context: WalkContext, method: string, path: string): Headers {
  const headers = new Headers({ 'content-type': 'application/json' });
  const area = areaOf(path);
  if (area === 'api') {
    headers.set('cookie', context.cookie);
    if (method !== 'GET') headers.set('origin', TEST_ORIGIN);
  } else if (area === 'oci') {
    headers.set('authorization', `Basic ${btoa(`alice@acme.example:${context.token}`)}`);
  } else if (isSdkPath(path)) {
    headers.set('authorization', `Basic ${btoa(`${context.token}:${context.token}`)}`);
    for (const [name, value] of Object.entries(SDK_HEADERS)) headers.set(name, value);
  } else {
    headers.set('authorization', context.token);
  }
  return headers;
}

/** The request a well-behaved client sends to this route (without a body). */
export function validRequest(context: WalkContext, route: { path: string }, method: string): Probe {
  const path = fillPath(route.path, context.params);
  return { label: 'valid', method, path, headers: validHeaders(context, method, path), mustRefuse: false };
}

/**
 * Every request the walk sends for one route, as Hono lists it (method and pattern); a route for
 * ALL methods is sent as `method`.
 */
export function probesFor(context: WalkContext, route: { method: string; path: string }, method: string): Probe[] {
  const pattern = route.path;
  const key = `${route.method} ${pattern}`;
  const area = areaOf(pattern);
  const base = validRequest(context, route, method);
  const validPath = base.path;
  const probes: Probe[] = [];
  const add = (label: string, change: Partial<Probe>, mustRefuse: boolean) =>
    probes.push({ ...base, headers: new Headers(base.headers), ...change, label, mustRefuse });

  for (const name of paramNames(pattern)) {
    for (const segment of HOSTILE_SEGMENTS) {
      const path = fillPath(pattern, { ...context.params, [name]: segment });
      add(`:${name} = ${describeValue(segment)}`, { path, headers: validHeaders(context, method, path) }, true);
      if (area === 'oci') {
        // Anonymous, so the answer is the challenge, which names the repository (defect 5).
        const headers = validHeaders(context, method, path);
        headers.delete('authorization');
        add(`:${name} = ${describeValue(segment)}, anonymous`, { path, headers }, true);
      }
    }
  }

  for (const name of context.queries[key] ?? []) {
    for (const value of HOSTILE_STRINGS) {
      add(
        `?${name} = ${describeValue(value)}`,
        { path: `${validPath}?${new URLSearchParams({ [name]: value })}` },
        false,
      );
    }
  }

  const headerVariants = (name: string, values: readonly string[], mustRefuse: boolean) => {
    for (const value of values) {
      const headers = new Headers(base.headers);
      headers.set(name, value);
      add(`${name}: ${describeValue(value)}`, { headers }, mustRefuse);
    }
  };
  if (area === 'api') {
    if (!context.publicRoutes.includes(key)) {
      headerVariants(
        'cookie',
        HOSTILE_HEADER_VALUES.map((v) => `portico_session=${v}`),
        true,
      );
    }
    // Safe methods need no Origin (server/http/same-origin.ts): tus's OPTIONS is one.
    if (method !== 'GET' && method !== 'OPTIONS') headerVariants('origin', HOSTILE_HEADER_VALUES, true);
  } else {
    headerVariants('authorization', HOSTILE_HEADER_VALUES, true);
    if (isSdkPath(pattern)) {
      for (const name of Object.keys(SDK_HEADERS)) headerVariants(name, HOSTILE_HEADER_VALUES, false);
    }
  }

  if (route.method !== 'GET' && route.method !== 'ALL' && area !== 'oci') {
    if (!(key in context.bodies)) throw new Error(`the route walk does not know the body of ${key}: add it`);
    const example = context.bodies[key];
    if (example !== null) {
      for (const { label, body, mustRefuse } of bodyVariants(example)) {
        add(label, { body }, mustRefuse && area === 'api');
      }
    }
  }
  return probes;
}
