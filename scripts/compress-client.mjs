// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside each compressible file of
// the built SPA, so the Node host sends them as they are (server/node/client-files.ts) instead of
// compressing on every request or not at all (issue 11, docs/decisions/016-compression-and-first-byte-branding.md).
// A copy no smaller than its file is not written. Source maps are left alone: only developer tools
// read them, and brotli at 11 on megabytes of them would slow every build.
// Usage: node scripts/compress-client.mjs [folder]   (default: dist/client)
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|ico)$/i;

const codings = {
  br: (bytes) =>
    promisify(brotliCompress)(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
    }),
  gz: (bytes) => promisify(gzip)(bytes, { level: 9 }),
};

async function compressClient(folder) {
  const names = (await readdir(folder, { recursive: true })).filter((name) => COMPRESSIBLE.test(name));
  const totals = { raw: 0, br: 0, gz: 0 };
  await Promise.all(
    names.map(async (name) => {
      const file = join(folder, name);
      if (!(await stat(file)).isFile()) return;
      const bytes = await readFile(file);
      totals.raw += bytes.byteLength;
      for (const [suffix, compress] of Object.entries(codings)) {
        const coded = await compress(bytes);
        const smaller = coded.byteLength < bytes.byteLength;
        if (smaller) await writeFile(`${file}.${suffix}`, coded);
        totals[suffix] += smaller ? coded.byteLength : bytes.byteLength;
      }
    }),
  );
  return { files: names.length, ...totals };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const folder = process.argv[2] ?? 'dist/client';
const { files, raw, br, gz } = await compressClient(folder);
console.log(`${folder}: ${files} files, ${kB(raw)} → ${kB(br)} brotli, ${kB(gz)} gzip`);
