import type { BundleFacts, BundleFile } from './support-bundle-facts';
import { z } from './zod';

/**
 * Support bundles (issue 9): uploaded in the browser over tus 1.0.0 under
 * /api/support-bundles/uploads, or sent by a real client; listed under /api/support-bundles
 * once complete.
 */

export const bundleSources = ['browser', 'troubleshoot', 'kots', 'sdk'] as const;
export type BundleSource = (typeof bundleSources)[number];

export const bundleStatuses = ['uploading', 'inspecting', 'ready', 'rejected'] as const;
export type BundleStatus = (typeof bundleStatuses)[number];

/** Who sent it: a person, a service account of the team, or a machine holding the license ID. */
export const bundleUploaderKinds = ['user', 'service_account', 'license'] as const;
export type BundleUploaderKind = (typeof bundleUploaderKinds)[number];

/** Why a bundle was refused, in words a person understands; `path` names the entry at fault. */
export type BundleRejection = { code: string; message: string; path?: string };

/** The most bytes one bundle may have unless portico.yaml's `support.max_bundle_bytes` says: 2 GiB. */
export const DEFAULT_MAX_BUNDLE_BYTES = 2 * 1024 ** 3;

/** The tus protocol version spoken, and the extensions supported (https://tus.io/protocols/resumable-upload). */
export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = ['creation', 'termination', 'expiration'] as const;

/** An upload not completed within this long is removed with its bytes. */
export const UPLOAD_EXPIRES_AFTER_MS = 86_400_000;

const noUnsafeText = (value: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  !/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);

/** A bundle's file name as the client named it: a name, not a path; shown and offered on download. */
export const bundleFilenameSchema = z
  .string({ error: 'Name the file.' })
  .trim()
  .min(1, 'Name the file.')
  .max(255, 'Use a file name of at most 255 characters.')
  .refine(noUnsafeText, 'A file name may not contain control characters or unpaired surrogates.')
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'Give a file name, not a path.');

/** tus Upload-Metadata of a new upload, once its base64 values are decoded. */
export const uploadMetadataSchema = z.object({
  filename: bundleFilenameSchema,
  instanceId: z.uuid({ error: 'Choose one of your instances.' }).optional(),
});
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

/** tus Upload-Length: the bundle's size in bytes, a whole number. */
export const uploadLengthSchema = z
  .string({ error: 'Upload-Length is required: the size of the file in bytes.' })
  .regex(/^\d{1,16}$/, 'Upload-Length must be the size of the file in bytes, a whole number.')
  .transform(Number)
  .refine((n) => n > 0, 'Upload-Length must be more than 0: an empty file is not a support bundle.');

/** tus Upload-Offset: where a PATCH's bytes go. */
export const uploadOffsetSchema = z
  .string({ error: 'Upload-Offset is required: the number of bytes already uploaded.' })
  .regex(/^\d{1,16}$/, 'Upload-Offset must be a number of bytes, a whole number.')
  .transform(Number);

/** GET /api/support-bundles/:id/file?path=… */
export const bundleFileQuerySchema = z.object({
  path: z.string({ error: 'Give the path of a file in the bundle.' }).min(1).max(4096),
});

export type AnalysisCounts = { error: number; warn: number; pass: number };

/** One row of the team's history. */
export type SupportBundleSummary = {
  id: string;
  filename: string;
  instance: { id: string; name: string } | null;
  source: BundleSource;
  status: Exclude<BundleStatus, 'uploading'>;
  rejection: BundleRejection | null;
  size: number;
  sha256: string | null;
  uploadedBy: { kind: BundleUploaderKind; id: string; name: string };
  collectedAt: string | null;
  uploadedAt: string;
  /** Analyzer results by severity from analysis.json, when the facts hold them. */
  analysis: AnalysisCounts | null;
  /** Whether the signed-in user may delete it (an admin, or its uploader). */
  canDelete: boolean;
};

export type SupportBundleList = { bundles: SupportBundleSummary[] };

export type SupportBundleDetails = SupportBundleSummary & { facts: BundleFacts | null; files: BundleFile[] };

/** One file of a bundle, as text (never HTML), cut at the viewer's cap. */
export type BundleFileView = { size: number; text: string | null; truncated: boolean; binary: boolean };

/** HEAD/GET of an upload: how far it has come. */
export type UploadProgress = { id: string; offset: number; length: number; status: BundleStatus };

/**
 * The Replicated SDK's "uploaded" step (`POST /v3/supportbundle/:id/uploaded`): the channel it
 * runs on (replicated-sdk pkg/upstream/supportbundle.go, markUploadedRequest). Not used: the
 * bundle's team is known from the license; checked so nothing odd is taken in silence.
 */
export const sdkBundleUploadedSchema = z.object({
  channel_id: z
    .string({ error: 'channel_id must be a string.' })
    .max(64, 'channel_id must be at most 64 characters.')
    .regex(/^[A-Za-z0-9._-]*$/, 'channel_id may only contain letters, digits, dots, dashes and underscores.')
    .optional(),
});
