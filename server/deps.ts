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
};

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
