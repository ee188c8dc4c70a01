import type { Database } from './db/database';

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
};

/** Values the host passes per request (Hono bindings). */
export type AppBindings = { clientAddress?: string };

export const silentLogger: Logger = { info() {}, error() {} };
