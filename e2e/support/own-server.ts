import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '../fixtures/browser';
import { startServer } from './server';

/**
 * The browser fixtures against a server of the test file's own, with an empty data folder: for
 * tests that change what other files read from the shared server (install attempts, instances and
 * service accounts show on Acme's dashboard, which e2e/sign-in.e2e.ts counts). About 3 s to start.
 */
export const testWithOwnServer = test
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern.
  .extend('ownServer', { scope: 'file' }, async ({}, { onCleanup }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'portico-e2e-own-'));
    const server = await startServer({ dataDir }).catch(async (error: unknown) => {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    });
    onCleanup(async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    return { baseURL: server.baseURL, dataDir, output: server.output };
  })
  .override('baseURL', { scope: 'file' }, ({ ownServer }) => ownServer.baseURL)
  .override('dataDir', { scope: 'file' }, ({ ownServer }) => ownServer.dataDir);
