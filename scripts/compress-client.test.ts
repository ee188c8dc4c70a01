import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, it, onTestFinished } from 'vitest';

const script = new URL('./compress-client.mjs', import.meta.url).pathname;

it('writes a brotli and a gzip copy beside each compressible file that they make smaller', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'portico-compress-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const source = `export const rows = [${Array.from({ length: 200 }, (_, i) => `"row ${i}"`).join(', ')}];`;
  const files = {
    'assets/index-abc.js': source,
    'assets/index-abc.css': `.a{color:red}`.repeat(100),
    'assets/index-abc.js.map': `{"mappings":"${'AAAA,'.repeat(500)}"}`,
    'assets/logo-abc.png': 'not text',
    'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0h1"/>'.repeat(40)}</svg>`,
    'robots.txt': 'User-agent: *\nDisallow: /\n',
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  await promisify(execFile)(process.execPath, [script, dir]);

  const written = (await readdir(dir, { recursive: true })).filter((name) => /\.(br|gz)$/.test(name)).sort();
  expect(written).toEqual([
    'assets/index-abc.css.br',
    'assets/index-abc.css.gz',
    'assets/index-abc.js.br',
    'assets/index-abc.js.gz',
    'favicon.svg.br',
    'favicon.svg.gz',
  ]);
  expect(brotliDecompressSync(await readFile(join(dir, 'assets/index-abc.js.br'))).toString()).toBe(source);
  expect(gunzipSync(await readFile(join(dir, 'assets/index-abc.js.gz'))).toString()).toBe(source);
});
