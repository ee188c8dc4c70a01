import type { BundleFacts, BundleFile, BundleRefusal } from '../../../contract/support-bundle-facts';
import { scanBundle } from './bundle-scan';
import { bundleFacts } from './facts/bundle-facts';
import { isFactFile } from './facts/wanted';
import { GunzipReader } from './gunzip';
import { DEFAULT_INSPECT_LIMITS, type InspectLimits } from './limits';
import { BundleRefusalError } from './refusals';

export { DEFAULT_INSPECT_LIMITS, type InspectLimits } from './limits';
export { readBundleFile } from './read-file';

export type InspectResult =
  { ok: true; facts: BundleFacts; files: BundleFile[] } | { ok: false; refusal: BundleRefusal };

/**
 * Reads an uploaded support bundle (.tar.gz) in one streaming pass: nothing is written to disk
 * and only the few small files the facts need are held (issue 9; A6, A7). A hostile or broken
 * bundle is refused with a stable code and a sentence for the customer; this never throws.
 */
export async function inspectBundle(
  body: ReadableStream<Uint8Array>,
  limits: Partial<InspectLimits> = {},
): Promise<InspectResult> {
  const caps = { ...DEFAULT_INSPECT_LIMITS, ...limits };
  let gz: GunzipReader | undefined;
  try {
    gz = await GunzipReader.open(body, caps);
    const scan = await scanBundle(gz, caps, isFactFile);
    const files: BundleFile[] = [];
    for (const [path, entry] of scan.entries) {
      if (path === scan.root) continue;
      const relative = scan.root ? path.slice(scan.root.length + 1) : path;
      const file: BundleFile = { path: relative, size: entry.size, type: entry.kind };
      if (entry.target !== undefined) file.target = scan.root ? entry.target.slice(scan.root.length + 1) : entry.target;
      files.push(file);
    }
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    return { ok: true, facts: await bundleFacts(scan), files };
  } catch (error) {
    await gz?.cancel();
    if (error instanceof BundleRefusalError) return { ok: false, refusal: error.refusal };
    // Our own bug or a stream error we do not know: still an answer, never a thrown upload.
    return { ok: false, refusal: { code: 'corrupt_tar', message: 'The bundle could not be read.' } };
  }
}
