import type { Database } from './db/database';
import type { IdentityCache } from './service-accounts/service-accounts';
import type { EventBus } from './live/event-bus';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  /** The one thing the email asks the reader to do; hosts without SMTP print it to the log. */
  action?: { label: string; url: string };
};

export type Mailer = { send(message: MailMessage): Promise<void> };

export type Logger = {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

/** Everything the BFF core needs from its host. The core itself uses web-standard APIs only. */
export type AppDeps = {
  db: Database;
  mailer: Mailer;
  /** Where the portal is reached, e.g. https://portal.example.com; links and origin checks use it. */
  publicUrl: string;
  now?: () => Date;
  logger?: Logger;
  /** Live updates to open pages (server-sent events). */
  events?: EventBus;
  /**
   * How long, at most, an open live stream goes without re-checking that its session may still
   * see what it streams (and resending it, which carries time-based changes such as a stall).
   */
  liveRecheckMs?: number;
  /**
   * Runs a task after the response has been returned, e.g. sending an email whose cost must not
   * show in the answer's timing. A host whose requests end with the response (a worker) keeps the
   * task alive, as with waitUntil. A task that fails is logged.
   */
  defer?: (task: () => Promise<unknown>) => void;
  /** Installer bundles and the OCI image layout the vendor ships (portico.yaml `artifacts`). */
  artifacts?: ArtifactStore;
  /** An install attempt with no new checkpoint for this long is stalled. */
  stallAfterMs?: number;
  /** Recently authenticated service-account tokens (see IdentityCache). */
  identityCache?: IdentityCache;
  /** Support bundles' bytes (issue 9); in memory unless the host keeps them on disk. */
  blobs?: BlobStore;
};

/**
 * Large, append-only byte strings: support bundles as they are uploaded (issue 9). A blob is
 * created empty, grows by appends at its current end, is completed once (which fixes its
 * SHA-256), then read and deleted. Ids are the caller's (a bundle's id).
 */
export type BlobStore = {
  create(id: string): Promise<void>;
  /**
   * Streams `body` onto the end of the blob, which must be `offset` bytes long (else
   * BlobOffsetConflict), one chunk at a time and never more than `maxBytes` of it: a chunk that
   * would pass it is not kept, and the append fails with BlobTooLarge. When `body` fails midway
   * (a dropped connection) every byte before is kept and the append fails with BodyInterrupted.
   * Resolves with the blob's new size.
   */
  append(id: string, offset: number, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<number>;
  /** The blob's size so far; null when there is none. */
  size(id: string): Promise<number | null>;
  /** Marks the blob whole and answers its SHA-256 (lower-case hex), hashed as the bytes arrived. */
  complete(id: string): Promise<{ size: number; sha256: string }>;
  /** The bytes of a blob (from `start`, to `end` exclusive); null when there is none. */
  open(id: string, range?: { start: number; end?: number }): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the blob, whole or not; nothing happens when there is none. */
  delete(id: string): Promise<void>;
};

/** The blob is not as long as the append said: the client must ask where to resume. */
export class BlobOffsetConflict extends Error {
  constructor(readonly size: number) {
    super(`the blob is ${size} bytes long`);
  }
}

/** The append would pass its maxBytes; the bytes before the chunk that would have passed it are kept. */
export class BlobTooLarge extends Error {
  constructor(readonly size: number) {
    super(`the append passed its limit at ${size} bytes`);
  }
}

/** The body failed before its end (a dropped connection); the bytes before are kept. */
export class BodyInterrupted extends Error {
  constructor(
    readonly size: number,
    readonly reason: unknown,
  ) {
    super(`the body failed at ${size} bytes: ${String(reason)}`);
  }
}

/** Read-only files under the vendor's artifacts directory. Paths are relative and '/'-separated. */
export type ArtifactStore = {
  open(path: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null>;
  readText(path: string): Promise<string | null>;
};

export const emptyArtifactStore: ArtifactStore = { open: async () => null, readText: async () => null };

/** Values the host passes per request (Hono bindings). */
export type AppBindings = { clientAddress?: string };

export const silentLogger: Logger = { info() {}, error() {} };

/** The ports with their defaults filled in, as the core's modules receive them. */
export type Ports = Required<AppDeps>;
