// The hostile corpus: one small file per refusal of reference/support-bundle-and-sdk-formats.md
// A7, named after the case. server/support-bundles/inspect/refusals.test.ts maps each to its code.
import { gzipSync } from 'node:zlib';
import { END, entry, header, json, link, paxEntry, ROOT, tar, tgz, versionYaml } from './tar.mjs';

const r = (path) => `${ROOT}/${path}`;
const version = () => entry(r('version.yaml'), versionYaml);
const bundle = (...entries) => tgz(version(), ...entries);
const MiB = 2 ** 20;

export function hostileFixtures() {
  const small = bundle(entry(r('analysis.json'), '[]'), entry(r('execution-data/summary.txt'), 'x'.repeat(20_000)));
  const crcBroken = Buffer.from(small);
  crcBroken.writeUInt32LE((crcBroken.readUInt32LE(crcBroken.length - 8) ^ 0xffffffff) >>> 0, crcBroken.length - 8);
  const plainTar = tar(version());
  return {
    // A7 §1: names
    'path-traversal.tar.gz': bundle(entry(r('../../etc/cron.d/portico'), '* * * * * root sh\n')),
    'absolute-path.tar.gz': bundle(entry('/etc/passwd', 'root:x:0:0\n')),
    'windows-drive.tar.gz': bundle(entry('C:evil.exe', 'MZ')),
    'backslash-name.tar.gz': bundle(entry(`${ROOT}\\..\\evil.txt`, 'x')),
    'nul-in-name.tar.gz': tgz(version(), paxEntry({ path: r('a\u0000b.json') }, 'x', '{}')),
    'control-character-name.tar.gz': bundle(entry(r('a\u001bb.json'), '{}')),
    'invalid-utf8-name.tar.gz': bundle(entry(Buffer.from([...Buffer.from(`${ROOT}/`), 0xff, 0xfe]), 'x')),
    'empty-segment.tar.gz': bundle(entry(r('cluster-resources//nodes.json'), '{}')),
    // A7 §2: symlinks
    'link-outside.tar.gz': bundle(link(r('logs/api.log'), '../../../etc/shadow')),
    'link-absolute.tar.gz': bundle(link(r('logs/api.log'), '/etc/shadow')),
    'link-loop.tar.gz': bundle(link(r('a.log'), 'b.log'), link(r('b.log'), 'a.log')),
    'link-parent.tar.gz': bundle(link(r('logs'), 'cluster-resources'), entry(r('logs/api.log'), 'written through')),
    // A7 §3, §4: entry types
    'hard-link.tar.gz': bundle(entry(r('passwd'), '', { type: '1', linkname: 'etc/passwd' })),
    'device-file.tar.gz': bundle(entry(r('dev/sda'), '', { type: '4' })),
    'fifo.tar.gz': bundle(entry(r('pipe'), '', { type: '6' })),
    'sparse-file.tar.gz': bundle(entry(r('sparse.log'), '', { type: 'S' })),
    // A7 §6: duplicates
    'duplicate-path.tar.gz': bundle(
      entry(r('secrets/atlas/replicated-instance-report/report.json'), '{}'),
      entry(r('secrets/atlas/replicated-instance-report/report.json'), '{"shadow":true}'),
    ),
    'case-collision.tar.gz': bundle(entry(r('analysis.json'), '[]'), entry(r('Analysis.json'), '[]')),
    // A7 §7: roots
    'several-roots.tar.gz': tgz(entry('one/version.yaml', versionYaml), entry('two/version.yaml', versionYaml)),
    'version-top-and-folder.tar.gz': tgz(entry('version.yaml', versionYaml), entry('inner/version.yaml', versionYaml)),
    'no-version-file.tar.gz': tgz(entry(r('analysis.json'), '[]')),
    'empty-archive.tar.gz': gzipSync(END),
    // A7 §8: bombs (128 MiB of zeros is about 125 kB compressed; too_large is tested with a lower cap)
    'bomb.tar.gz': bundle(entry(r('logs/zeros.log'), Buffer.alloc(128 * MiB))),
    'many-entries.tar.gz': bundle(...Array.from({ length: 1_000 }, (_, i) => entry(r(`many/${i}.txt`), ''))),
    // GNU base-256 size field declaring 1 TiB, with no data behind it
    'huge-declared-size.tar.gz': gzipSync(
      Buffer.concat([
        version(),
        header({ name: r('huge.log'), sizeField: '\x80' + '\0'.repeat(5) + '\x01' + '\0'.repeat(5) }),
        END,
      ]),
    ),
    'huge-pax-header.tar.gz': gzipSync(
      Buffer.concat([version(), header({ name: 'PaxHeaders/x', type: 'x', size: 2 * MiB })]),
    ),
    // A7 §9: gzip
    'truncated-gzip.tar.gz': small.subarray(0, Math.floor(small.length * 0.6)),
    'corrupt-gzip.tar.gz': crcBroken,
    'gzip-trailing-garbage.tar.gz': Buffer.concat([small, Buffer.from('<html>not part of the bundle</html>')]),
    // A7 §10: tar
    'truncated-tar.tar.gz': gzipSync(
      Buffer.concat([version(), header({ name: r('big.log'), size: 10_000 }), Buffer.alloc(1024, 0x61)]),
    ),
    'bad-checksum.tar.gz': gzipSync(
      Buffer.concat([version(), header({ name: r('x.json'), size: 0, checksum: 1234 }), END]),
    ),
    'bad-size-field.tar.gz': gzipSync(
      Buffer.concat([version(), header({ name: r('x.json'), sizeField: 'zzzzzzzzzzz\0' }), END]),
    ),
    'garbage-after-entry.tar.gz': gzipSync(Buffer.concat([version(), Buffer.alloc(512, 0x41), END])),
    'trailing-data.tar.gz': gzipSync(
      Buffer.concat([tar(version()), entry(r('hidden.json'), json({ hidden: true })), END]),
    ),
    // A7 §11: not a gzip'd tar
    'empty.tar.gz': Buffer.alloc(0),
    'zip.tar.gz': Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60)]),
    'plain.tar.gz': plainTar,
    'error-page.tar.gz': Buffer.from('<!DOCTYPE html><html><body>403 Forbidden</body></html>\n'),
    'gzip-of-json.tar.gz': gzipSync(Buffer.from(json({ error: 'not found' }))),
  };
}
