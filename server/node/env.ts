import { resolve } from 'node:path';
import { z } from 'zod';

const url = (protocols: RegExp, example: string) =>
  z.string().refine((value) => {
    try {
      return protocols.test(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL like ${example}`);

const envSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number from 1 to 65535' }).int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(/^postgres(ql)?:$/, 'postgres://user:password@host:5432/portico').optional(),
  SMTP_URL: url(/^smtps?:$/, 'smtp://user:password@mail.example.com:587').optional(),
  MAIL_FROM: z.string().min(3).optional(),
  PUBLIC_URL: url(/^https?:$/, 'https://portal.example.com').optional(),
  PORTICO_CONFIG: z.string().min(1).optional(),
  INSTALL_STALL_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).positive().max(10_080).default(30),
  TRUST_PROXY: z
    .string()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }))
    .transform((value) => ['true', '1', 'yes'].includes(value))
    .default(false),
});

export type Env = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  configPath: string;
  stallAfterMs: number;
  /** Behind a reverse proxy: the client address is the right-most X-Forwarded-For entry. */
  trustProxy: boolean;
};

export class EnvError extends Error {}

/** Reads and checks the environment once, at start; a bad value names its variable. */
export function readEnv(source: Record<string, string | undefined>, packageRoot: string): Env {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}: ${issue.message} (got ${JSON.stringify(present[name])})`;
    });
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL ?? null,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM ?? `Portico <no-reply@${new URL(publicUrl).hostname}>`,
    publicUrl,
    configPath: resolve(env.PORTICO_CONFIG ?? resolve(packageRoot, 'demo/portico.yaml')),
    stallAfterMs: env.INSTALL_STALL_MINUTES * 60_000,
    trustProxy: env.TRUST_PROXY,
  };
}
