import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteChartValues } from './chart-archive';

// A template path past ustar's 100-byte name field, as deep subcharts have.
const LONG = `app/charts/${'sub'.repeat(20)}/templates/${'x'.repeat(40)}.yaml`;

function tar(args: string[], input?: Uint8Array) {
  const run = spawnSync('tar', args, { input, timeout: 10_000, maxBuffer: 1 << 24 });
  expect(run.status, run.stderr?.toString()).toBe(0);
  return new Uint8Array(run.stdout);
}
const read = (tgz: Uint8Array, path: string) => new TextDecoder().decode(tar(['-xzOf', '-', path], tgz));

describe('rewriting a chart archive', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portico-chart-'));
    await mkdir(join(dir, 'app/templates'), { recursive: true });
    await mkdir(join(dir, LONG, '..'), { recursive: true });
    await writeFile(join(dir, 'app/Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 1.0.0\n');
    await writeFile(join(dir, 'app/values.yaml'), 'replicas: 1\n');
    await writeFile(join(dir, 'app/templates/hook.sh'), '#!/bin/sh\n', { mode: 0o755 });
    await writeFile(join(dir, LONG), 'kind: ConfigMap\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // Go's archive/tar (helm package) writes ustar, falling back to PAX for long names; GNU tar
  // writes its own long-name records.
  it.each(['ustar', 'pax', 'gnu'])(
    'replaces values.yaml in a %s archive and keeps every other file',
    async (format) => {
      const chart = tar(['-czf', '-', `--format=${format}`, '--owner=1000', '--group=1000', '-C', dir, 'app']);
      let seen: string | null = null;
      const rewritten = await rewriteChartValues(chart, (old) => {
        seen = old;
        return 'replicas: 3\n';
      });
      expect(seen).toBe('replicas: 1\n');
      expect(read(rewritten, 'app/values.yaml')).toBe('replicas: 3\n');
      for (const path of ['app/Chart.yaml', 'app/templates/hook.sh', LONG]) {
        expect(read(rewritten, path)).toBe(read(chart, path));
      }
      const listing = new TextDecoder().decode(tar(['-tvzf', '-'], rewritten));
      expect(listing).toMatch(/-rwxr-xr-x root\/root\s+10 .* app\/templates\/hook\.sh/);
      expect(listing).not.toMatch(/^d/m);
    },
  );

  it('gives the same bytes every time, with no mtime and a fixed OS in the gzip header', async () => {
    const chart = tar(['-czf', '-', '-C', dir, 'app']);
    const once = await rewriteChartValues(chart, () => 'a: 1\n');
    const twice = await rewriteChartValues(chart, () => 'a: 1\n');
    expect(twice).toEqual(once);
    expect([...once.subarray(4, 10)]).toEqual([0, 0, 0, 0, 0, 255]);
  });

  it('adds values.yaml to a chart that has none', async () => {
    const chart = tar(['-czf', '-', '-C', dir, '--exclude=values.yaml', 'app']);
    const rewritten = await rewriteChartValues(chart, (old) => (old === null ? 'added: true\n' : 'unexpected\n'));
    expect(read(rewritten, 'app/values.yaml')).toBe('added: true\n');
  });

  it('refuses an archive without a chart', async () => {
    const chart = tar(['-czf', '-', '-C', dir, 'app/templates']);
    await expect(rewriteChartValues(chart, () => '')).rejects.toThrow('no <chart>/Chart.yaml');
  });
});
