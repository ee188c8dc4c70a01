import type { BundleFacts, BundleFile } from '../../contract/support-bundle-facts';
import type { BundleFileView, BundleRejection } from '../../contract/support-bundles';

/**
 * What the routes need from the inspector (issue 9): one streaming pass over a complete bundle's
 * bytes, which accepts it with its facts and file tree or refuses it with a reason.
 */
export type InspectionResult =
  { ok: true; facts: BundleFacts; files: BundleFile[] } | { ok: false; refusal: BundleRejection };
export type InspectBundle = (body: ReadableStream<Uint8Array>) => Promise<InspectionResult>;

/** One file of a bundle, read for the viewer and cut at maxBytes; null when the bundle has no such file. */
export type ReadBundleFile = (
  body: ReadableStream<Uint8Array>,
  path: string,
  maxBytes: number,
) => Promise<BundleFileView | null>;

/** The two, as the support-bundle routes and receiveBundle take them. */
export type BundleReader = { inspectBundle: InspectBundle; readBundleFile: ReadBundleFile };
