// The demo vendor's Embedded Cluster artifacts (issue 3), which GET /embedded/... bundles:
//   <outDir>/<app>                               the installer, one script for every version
//   <outDir>/<channel>/<version>/<app>.airgap    a small air gap payload per release
// The endpoint adds license.yaml to each download.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A value inside single quotes in bash. */
const shellQuoted = (value) => value.replaceAll("'", `'\\''`);

/**
 * @param {string} outDir
 * @param {{ appSlug: string; appName: string; channels: { slug: string; releases: { version: string }[] }[] }} demo
 */
export async function buildEmbeddedArtifacts(outDir, demo) {
  await mkdir(outDir, { recursive: true });
  const template = await readFile(resolve(here, 'embedded-installer.sh'), 'utf8');
  const installer = template
    .replaceAll('__APP_SLUG__', demo.appSlug)
    .replaceAll('__APP_NAME__', shellQuoted(demo.appName));
  const installerPath = resolve(outDir, demo.appSlug);
  await writeFile(installerPath, installer);
  await chmod(installerPath, 0o755);

  for (const channel of demo.channels) {
    for (const release of channel.releases) {
      const dir = resolve(outDir, channel.slug, release.version);
      await mkdir(dir, { recursive: true });
      await writeFile(resolve(dir, `${demo.appSlug}.airgap`), airgapPayload(demo, channel.slug, release.version));
    }
  }
  return outDir;
}

/** Stands in for the images and charts of a real air gap bundle; the installer checks the version. */
function airgapPayload(demo, channel, version) {
  const images = ['api', 'web', 'db'].map(
    (name) => `  - registry.${demo.appSlug}.example/${demo.appSlug}/${name}:${version}`,
  );
  return [
    `# ${demo.appName} air gap bundle (Portico demo payload)`,
    `app: ${demo.appSlug}`,
    `channel: ${channel}`,
    `version: ${version}`,
    'images:',
    ...images,
    '',
  ].join('\n');
}
