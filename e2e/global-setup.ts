import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
    /** Where e2e/support/sessions.ts hands the shared server's sessions from file to file. */
    sessionsDir: string;
  }
}

/** One real server for the run, built from dist/, with an empty data folder of its own. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-e2e-'));
  const server = await startServer({ dataDir }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const sessionsDir = await mkdtemp(join(tmpdir(), 'portico-e2e-sessions-'));
  project.provide('baseURL', server.baseURL);
  project.provide('dataDir', dataDir);
  project.provide('sessionsDir', sessionsDir);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(sessionsDir, { recursive: true, force: true });
  };
}
