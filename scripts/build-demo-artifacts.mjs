// Generates the demo vendor's artifacts from demo/portico.yaml: the Embedded Cluster installer
// bundle sources and an OCI image layout with each release's Helm chart and images.
// Usage: node scripts/build-demo-artifacts.mjs [outDir]   (default: demo/artifacts)
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildEmbeddedArtifacts } from './demo-artifacts/embedded.mjs';
import { buildOciLayout } from './demo-artifacts/oci-layout.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildDemoArtifacts(outDir = resolve(root, 'demo/artifacts')) {
  const catalogue = parse(await readFile(resolve(root, 'demo/portico.yaml'), 'utf8'));
  const demo = {
    appSlug: catalogue.app.slug,
    appName: catalogue.app.name,
    channels: catalogue.channels.map((c) => ({
      slug: c.slug,
      releases: c.releases.map((r) => ({ version: r.version })),
    })),
  };
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await buildEmbeddedArtifacts(resolve(outDir, 'embedded'), demo);
  await buildOciLayout(resolve(outDir, 'oci'), demo);
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildDemoArtifacts(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`demo artifacts written to ${out}`);
}
