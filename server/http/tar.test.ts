import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tarGzStream, type TarEntry } from './tar';

const MTIME = new Date('2026-10-20T00:00:00Z');
const bytes = (text: string) => new TextEncoder().encode(text);
const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(bytes(chunk));
      controller.close();
    },
  });

async function gzipped(entries: TarEntry[], onComplete?: () => Promise<void>) {
  return Buffer.from(await new Response(tarGzStream(entries, onComplete)).arrayBuffer());
}

describe('tar.gz writer', () => {
  it('writes an archive that GNU tar lists with names, modes, sizes and times', async () => {
    let completed = false;
    const archive = await gzipped(
      [
        { name: 'atlas', mode: 0o755, size: 15, mtime: MTIME, body: streamOf('#!/bin/', 'bash\n', 'ok\n') },
        { name: 'license.yaml', mode: 0o600, size: 513, mtime: MTIME, body: bytes('x'.repeat(513)) },
        { name: 'empty', mode: 0o644, size: 0, mtime: MTIME, body: bytes('') },
      ],
      async () => {
        completed = true;
      },
    );
    expect(completed).toBe(true);
    const listed = spawnSync('tar', ['-tvzf', '-', '--utc'], { input: archive, encoding: 'utf8', timeout: 10_000 });
    expect(listed.status, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines.map((line) => line.split(/\s+/))).toEqual([
      ['-rwxr-xr-x', 'root/root', '15', '2026-10-20', '00:00', 'atlas'],
      ['-rw-------', 'root/root', '513', '2026-10-20', '00:00', 'license.yaml'],
      ['-rw-r--r--', 'root/root', '0', '2026-10-20', '00:00', 'empty'],
    ]);
    const extracted = spawnSync('tar', ['-xzOf', '-', 'atlas'], { input: archive, encoding: 'utf8', timeout: 10_000 });
    expect(extracted.stdout).toBe('#!/bin/bash\nok\n');
  });

  it('fails the stream instead of writing a corrupt archive when a body has the wrong size', async () => {
    for (const size of [5, 20]) {
      const entry = { name: 'atlas', mode: 0o755, size, mtime: MTIME, body: streamOf('0123456789') };
      await expect(gzipped([entry])).rejects.toThrow(`atlas: expected ${size} bytes`);
    }
  });

  it("writes names longer than 100 bytes with ustar's prefix field", async () => {
    const name = `chart/charts/${'sub'.repeat(30)}/templates/${'x'.repeat(80)}.yaml`;
    const archive = await gzipped([{ name, mode: 0o644, size: 3, mtime: MTIME, body: bytes('ok\n') }]);
    const listed = spawnSync('tar', ['-tzf', '-'], { input: archive, encoding: 'utf8', timeout: 10_000 });
    expect(listed.stdout).toBe(`${name}\n`);
    const tooLong = {
      name: `${'d'.repeat(156)}/${'x'.repeat(20)}`,
      mode: 0o644,
      size: 0,
      mtime: MTIME,
      body: bytes(''),
    };
    await expect(gzipped([tooLong])).rejects.toThrow('unsupported tar entry name');
  });

  it('refuses names that would escape the extraction directory', async () => {
    for (const name of ['/etc/passwd', '../atlas', 'a/../../b', '', 'x'.repeat(101)]) {
      const entry = { name, mode: 0o644, size: 0, mtime: MTIME, body: bytes('') };
      await expect(gzipped([entry])).rejects.toThrow('unsupported tar entry name');
    }
  });
});
