import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readBundleFile } from './index';

// The real troubleshoot bundle, in the ../shared folder that sits beside the project.
const BASELINE = new URL('../../../../shared/fixtures/support-bundles/troubleshoot-baseline.tar.gz', import.meta.url);
const stream = async (path: string | URL) => new Blob([await readFile(path)]).stream();
const fixture = (name: string) => stream(new URL(`../fixtures/${name}`, import.meta.url));

describe('readBundleFile', () => {
  it('reads a text file by its path below the top folder', async () => {
    expect(await readBundleFile(await stream(BASELINE), 'version.yaml', 4096)).toEqual({
      size: 101,
      text: 'apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\nspec:\n  versionNumber: v0.123.14-14-gf6c4386\n',
      truncated: false,
      binary: false,
    });
  });

  it('stops at maxBytes and says the text is cut', async () => {
    const file = await readBundleFile(
      await stream(BASELINE),
      'cluster-resources/custom-resource-definitions.json',
      1000,
    );
    expect(file).toMatchObject({ size: 420441, truncated: true, binary: false });
    expect(file?.text).toHaveLength(1000);
  });

  it('calls a file with NUL bytes binary and returns no text', async () => {
    expect(await readBundleFile(await fixture('airgap-acme.tar.gz'), 'files/binary.bin', 4096)).toEqual({
      size: 4,
      text: '',
      truncated: false,
      binary: true,
    });
  });

  it('reads a bundle without a top folder, and a file named by a PAX header', async () => {
    expect(await readBundleFile(await fixture('airgap-initech.tar.gz'), 'analysis.json', 100)).toMatchObject({
      text: '[]',
    });
    const acme = await fixture('airgap-acme.tar.gz');
    const longName = `cluster-resources/pods/logs/atlas/atlas-db-0-with-a-very-long-pod-name-that-needs-a-pax-header/postgres-${'x'.repeat(40)}.log`;
    expect(await readBundleFile(acme, longName, 100)).toMatchObject({ text: 'postgres is starting\n' });
  });

  it('returns null for a missing path, a symlink (its target is the path to read) and a hostile archive', async () => {
    expect(await readBundleFile(await stream(BASELINE), 'no/such/file.json', 100)).toBeNull();
    expect(await readBundleFile(await stream(BASELINE), 'run-example/run-example.log', 100)).toBeNull();
    expect(
      await readBundleFile(
        await stream(BASELINE),
        'cluster-resources/pods/logs/default/run-example/collector.log',
        100,
      ),
    ).toMatchObject({
      binary: false,
    });
    expect(
      await readBundleFile(await fixture('hostile/path-traversal.tar.gz'), '../../etc/cron.d/portico', 100),
    ).toBeNull();
  });
});
