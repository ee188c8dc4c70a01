import { readFileSync } from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { tarGzStream } from '../../server/http/tar';

/** The real bundle of issue 9 (k3s v1.31.2+k3s1, one node, ready), in the ../shared folder beside the project. */
// Tests run from the project's root (jsdom gives import.meta.url no file: scheme).
export const BASELINE = readFileSync('../shared/fixtures/support-bundles/troubleshoot-baseline.tar.gz');

/** A bundle of the inspector's hostile corpus (server/support-bundles/fixtures/hostile). */
export const hostileBundle = (name: string) => readFileSync(`server/support-bundles/fixtures/hostile/${name}`);

export const bundleFile = (bytes: Uint8Array, name: string) =>
  new File([new Uint8Array(bytes)], name, { type: 'application/gzip' });

const ROOT = 'support-bundle-2026-11-20T10_15_00';

/** A minimal valid bundle: version.yaml plus the given files (paths under the bundle's top folder). */
export async function makeBundle(files: Record<string, string>): Promise<Uint8Array<ArrayBuffer>> {
  const all = {
    'version.yaml': 'apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\nspec:\n  versionNumber: v0.123.14\n',
    ...files,
  };
  const entries = Object.entries(all).map(([path, text]) => {
    const bytes = Buffer.from(text);
    // A stream, not bytes: in jsdom, server/http/tar.ts's `instanceof Uint8Array` sees another realm's class.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    return { name: `${ROOT}/${path}`, mode: 0o600, size: bytes.length, mtime: new Date('2026-11-20T10:15:00Z'), body };
  });
  return new Uint8Array(await new Response(tarGzStream(entries)).arrayBuffer());
}

type User = ReturnType<typeof userEvent.setup>;

/** Picks the file with the page's own file input, then starts its upload. */
export async function startUpload(user: User, file: File) {
  await user.upload(screen.getByLabelText('Choose a file'), file);
  await user.click(await screen.findByRole('button', { name: `Upload ${file.name}` }));
}

/** The history's row of a bundle once its inspection has ended with `status`. */
export async function historyRow(filename: string, status: 'Ready' | 'Rejected') {
  const link = await screen.findByRole('link', { name: filename }, { timeout: 10_000 });
  const row = link.closest('tr')!;
  await waitFor(() => expect(within(row).getByText(status)).toBeInTheDocument(), { timeout: 10_000 });
  return row;
}
