const MiB = 2 ** 20;

export type InspectLimits = {
  /** Total bytes once gunzipped (A7 §8: an absolute decompressed cap). */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed bytes, checked once `ratioCheckAfterBytes` are out (A7 §8). */
  maxRatio: number;
  ratioCheckAfterBytes: number;
  /** Entries in the tar, PAX and GNU long-name headers not counted. */
  maxEntries: number;
  /** A file the facts need is read only when at most this big; a bigger one leaves its fact null. */
  maxParsedFileBytes: number;
  /** All the files read for the facts together, so a bundle of many report secrets stays bounded. */
  maxBufferedBytes: number;
};

/**
 * Real bundles are tens to hundreds of MB with about 10:1 compression (A4); the new Enterprise
 * Portal takes uploads of 2 GB, so 8 GiB unpacked leaves room for very compressible logs.
 */
export const DEFAULT_INSPECT_LIMITS: InspectLimits = {
  maxUncompressedBytes: 8 * 1024 * MiB,
  maxRatio: 200,
  ratioCheckAfterBytes: 16 * MiB,
  maxEntries: 100_000,
  maxParsedFileBytes: 16 * MiB,
  maxBufferedBytes: 64 * MiB,
};

/** A PAX or GNU long-name header bigger than this is not a name (A7 §8: cap PAX records). */
export const MAX_META_HEADER_BYTES = MiB;
