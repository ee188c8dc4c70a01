import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { databaseTemplate } from '../db/template';
// @ts-expect-error: a plain ES module script, shared with `npm run build`.
import { buildDemoArtifacts } from '../../scripts/build-demo-artifacts.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    artifactsDir: string;
  }
}

/**
 * initdb costs seconds in PGlite; do it (and the migrations) once per run, and let each test file
 * start from a dump of the result.
 */
export default async function setup(project: TestProject) {
  const dump = await databaseTemplate('none');
  const dir = resolve('node_modules/.cache/portico');
  await mkdir(dir, { recursive: true });
  const file = resolve(dir, `pglite-template-${project.name}-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  // The demo vendor's installer bundles and OCI layout, as `npm run build` makes them.
  const artifactsDir = await buildDemoArtifacts(resolve(dir, `artifacts-${project.name}-${process.pid}`));
  project.provide('artifactsDir', artifactsDir);
  return async () => {
    await rm(file, { force: true });
    await rm(artifactsDir, { recursive: true, force: true });
  };
}
