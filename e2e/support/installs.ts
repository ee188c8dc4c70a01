import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { BrowserContext, Cookie } from 'playwright-core';
import type { CreateInstallInput, InstallAttemptWithToken } from '../../contract/installs';
import { ensureDebianPackage } from '../../scripts/testing/debian-package.mjs';

export type Ran = { code: number | null; stdout: string; stderr: string };

/**
 * Runs a command line with bash, as a customer pastes it into a terminal, in `cwd`. Resolves with
 * its exit code and output whatever the code; only a timeout (the process is killed) rejects.
 */
export function bash(command: string, cwd: string, timeoutMs = 20_000): Promise<Ran> {
  return run('bash', ['-c', command], cwd, timeoutMs);
}

export function run(file: string, args: string[], cwd: string, timeoutMs = 20_000): Promise<Ran> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error && error.killed) {
        reject(new Error(`${file} ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
        return;
      }
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (error && code === null) reject(error);
      else resolve({ code, stdout, stderr });
    });
  });
}

/** Like `run`, but anything other than exit code 0 fails with the command's own output. */
export async function mustRun(file: string, args: string[], cwd: string, timeoutMs = 20_000): Promise<string> {
  const ran = await run(file, args, cwd, timeoutMs);
  if (ran.code !== 0)
    throw new Error(`${file} ${args.join(' ')} exited with ${ran.code}:\n${ran.stdout}\n${ran.stderr}`);
  return ran.stdout;
}

export const SKOPEO = '/usr/bin/skopeo';

/** skopeo is the real registry client of the Helm test; installed when missing and we may. */
export async function ensureSkopeo(): Promise<void> {
  const reason = await ensureDebianPackage('skopeo', () => existsSync(SKOPEO));
  if (reason) throw new Error(reason);
}

/** The `Cookie` header that carries a browser context's portal session, for calls from Node. */
export async function sessionCookieOf(context: BrowserContext): Promise<string> {
  return `portico_session=${(await sessionOf(context)).value}`;
}

/** The context's session cookie itself, to hand to another context (`addCookies`). */
export async function sessionOf(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((c) => c.name === 'portico_session');
  if (!cookie) throw new Error('The browser context is not signed in: it has no portico_session cookie.');
  return cookie;
}

/** Calls the BFF as the signed-in SPA would: the session cookie and this origin (CSRF check). */
export async function portalApi(baseURL: string, cookie: string, path: string, init: RequestInit = {}) {
  return fetch(`${baseURL}${path}`, {
    ...init,
    headers: { cookie, origin: baseURL, 'content-type': 'application/json', ...init.headers },
  });
}

/** Starts an install attempt through the API (POST /api/installs) and returns it with its token. */
export async function createAttempt(
  baseURL: string,
  cookie: string,
  input: CreateInstallInput,
): Promise<InstallAttemptWithToken> {
  const response = await portalApi(baseURL, cookie, '/api/installs', { method: 'POST', body: JSON.stringify(input) });
  if (response.status !== 201)
    throw new Error(`POST /api/installs answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as InstallAttemptWithToken;
}

export const basicAuth = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Three resource states, as the Replicated SDK reports a small app's informers. */
export const READY_STATES = JSON.stringify([
  { kind: 'deployment', name: 'atlas-api', namespace: 'atlas', state: 'ready' },
  { kind: 'deployment', name: 'atlas-web', namespace: 'atlas', state: 'ready' },
  { kind: 'statefulset', name: 'atlas-db', namespace: 'atlas', state: 'ready' },
]);
