import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { BundleRefusalCode } from '../../../contract/support-bundle-facts';
import { inspectBundle, type InspectLimits } from './index';

const MiB = 2 ** 20;
const fixture = async (name: string) =>
  new Blob([await readFile(new URL(`../fixtures/${name}`, import.meta.url))]).stream();

/** Every file of the hostile corpus (scripts/bundle-fixtures/hostile.mjs) and the refusal it must get (A7). */
const cases: [file: string, code: BundleRefusalCode, path?: string, limits?: Partial<InspectLimits>][] = [
  ['path-traversal.tar.gz', 'path_traversal', 'support-bundle-2026-11-20T10_15_00/../../etc/cron.d/portico'],
  ['absolute-path.tar.gz', 'absolute_path', '/etc/passwd'],
  ['windows-drive.tar.gz', 'absolute_path', 'C:evil.exe'],
  ['backslash-name.tar.gz', 'invalid_name'],
  ['nul-in-name.tar.gz', 'invalid_name'],
  ['control-character-name.tar.gz', 'invalid_name'],
  ['invalid-utf8-name.tar.gz', 'invalid_name'],
  ['empty-segment.tar.gz', 'invalid_name'],
  ['link-outside.tar.gz', 'link_outside', 'support-bundle-2026-11-20T10_15_00/logs/api.log'],
  ['link-absolute.tar.gz', 'link_outside'],
  ['link-loop.tar.gz', 'link_loop'],
  ['link-parent.tar.gz', 'link_parent', 'support-bundle-2026-11-20T10_15_00/logs/api.log'],
  ['hard-link.tar.gz', 'hard_link'],
  ['device-file.tar.gz', 'device_file'],
  ['fifo.tar.gz', 'device_file'],
  ['sparse-file.tar.gz', 'unsupported_entry'],
  ['duplicate-path.tar.gz', 'duplicate_path'],
  ['case-collision.tar.gz', 'duplicate_path'],
  ['several-roots.tar.gz', 'several_roots'],
  ['version-top-and-folder.tar.gz', 'several_roots'],
  ['no-version-file.tar.gz', 'no_version_file'],
  ['empty-archive.tar.gz', 'not_a_bundle'],
  ['bomb.tar.gz', 'bomb_ratio'],
  ['bomb.tar.gz', 'too_large', undefined, { maxUncompressedBytes: 32 * MiB, maxRatio: Infinity }],
  ['many-entries.tar.gz', 'too_many_entries', undefined, { maxEntries: 1_000 }],
  ['huge-declared-size.tar.gz', 'too_large', 'support-bundle-2026-11-20T10_15_00/huge.log'],
  ['huge-pax-header.tar.gz', 'too_large'],
  ['truncated-gzip.tar.gz', 'truncated'],
  ['corrupt-gzip.tar.gz', 'corrupt_gzip'],
  ['gzip-trailing-garbage.tar.gz', 'corrupt_gzip'],
  ['truncated-tar.tar.gz', 'truncated'],
  ['bad-checksum.tar.gz', 'corrupt_tar'],
  ['bad-size-field.tar.gz', 'corrupt_tar'],
  ['garbage-after-entry.tar.gz', 'corrupt_tar'],
  ['trailing-data.tar.gz', 'trailing_data'],
  ['empty.tar.gz', 'not_a_bundle'],
  ['zip.tar.gz', 'not_a_bundle'],
  ['plain.tar.gz', 'not_a_bundle'],
  ['error-page.tar.gz', 'not_a_bundle'],
  ['gzip-of-json.tar.gz', 'not_a_bundle'],
];

describe('inspectBundle refuses hostile and broken archives (A7)', () => {
  it.each(cases)('%s → %s', async (file, code, path, limits) => {
    const result = await inspectBundle(await fixture(`hostile/${file}`), limits);
    expect(result).toMatchObject({ ok: false, refusal: { code } });
    if (result.ok) return;
    expect(result.refusal.message).toMatch(/^[A-Z].*\.$/);
    if (path !== undefined) {
      expect(result.refusal.path).toBe(path);
      expect(result.refusal.message).toContain(path);
    }
  });

  it('accepts the bundles the limits of the bomb cases are lowered for, so those refusals are not vacuous', async () => {
    expect(await inspectBundle(await fixture('hostile/many-entries.tar.gz'), { maxEntries: 1_001 + 1 })).toMatchObject({
      ok: true,
    });
    expect(await inspectBundle(await fixture('hostile/bomb.tar.gz'), { maxRatio: 2_000 })).toMatchObject({ ok: true });
  });

  it('says what a wrong container is, so the customer knows what they sent', async () => {
    const messages = await Promise.all(
      ['zip.tar.gz', 'plain.tar.gz', 'error-page.tar.gz', 'empty.tar.gz'].map(async (file) => {
        const result = await inspectBundle(await fixture(`hostile/${file}`));
        return result.ok ? '' : result.refusal.message;
      }),
    );
    expect(messages).toEqual([
      expect.stringContaining('zip archive'),
      expect.stringContaining('not compressed'),
      expect.stringContaining('web page'),
      'The file is empty.',
    ]);
  });
});
