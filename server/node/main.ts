import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from '../app';
import { readBranding } from '../catalogue/branding-routes';
import { imageContentType } from '../catalogue/content-type';
import { loadCatalogue, type ReadAsset } from '../catalogue/load';
import { CatalogueError, parseCatalogue } from '../catalogue/parse';
import { migrate } from '../db/migrate';
import { inspectBundle } from '../support-bundles/inspector';
import { cleanAbandonedUploads, inspectPending } from '../support-bundles/store';
import { fileArtifactStore } from './artifacts';
import { fileBlobStore } from './blob-store';
import { openDatabase } from './database';
import { EnvError, readEnv } from './env';
import { createHost } from './host';
import { listen } from './listen';
import { lockDataFolder } from './data-folder-lock';
import { consoleLogger as logger } from './logger';
import { outboxMailer, smtpMailer } from './mailer';
import { StartError } from './start-error';

// Built to dist/server/main.js; the package root is two levels up.
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAX_ASSET_BYTES = 2 * 1024 * 1024;
const UPLOAD_SWEEP_MS = 3_600_000;

async function main() {
  const started = performance.now();
  const env = readEnv(process.env, packageRoot);
  const configText = await readFile(env.configPath, 'utf8').catch(() => {
    throw new CatalogueError(env.configPath, null, null, 'cannot read the file (set PORTICO_CONFIG to its path)');
  });
  const catalogue = parseCatalogue(configText, env.configPath);

  // PGlite's files are the database: one server per folder. With DATABASE_URL the folder holds
  // only the outbox, and replicas may share it (docs/decisions/006-one-server-per-data-folder.md).
  if (!env.databaseUrl) await lockDataFolder(env.dataDir);

  // The port is taken before the database is opened, so a port in use stops the start before any
  // migration runs. Requests that arrive meanwhile wait for the portal instead of being refused.
  let ready: (host: ReturnType<typeof createHost>) => void = () => {};
  const host = new Promise<ReturnType<typeof createHost>>((resolve) => (ready = resolve));
  const server = createAdaptorServer({
    fetch: async (request, bindings) => (await host).fetch(request, bindings),
  }) as Server;
  let closeDatabase = async () => {};
  // Exiting, rather than dying of the signal, removes the data folder lock.
  const stop = () => {
    logger.info('shutting down');
    server.close(() => void closeDatabase().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await listen(server, env.port, env.host);

  const database = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    templateFile: join(packageRoot, 'dist/server/pglite-template.tar.gz'),
  });
  closeDatabase = database.close;

  const applied = await migrate(database.db);
  if (applied.length) logger.info(`applied migrations: ${applied.join(', ')}`);
  await loadCatalogue(database.db, catalogue, readConfigAsset(env.configPath), new Date());

  const mailer = env.smtpUrl
    ? smtpMailer(env.smtpUrl, env.mailFrom)
    : outboxMailer(join(env.dataDir, 'outbox'), env.mailFrom, logger);
  const artifacts = fileArtifactStore(resolve(dirname(env.configPath), catalogue.artifacts));
  const blobs = fileBlobStore(join(env.dataDir, 'blobs'));
  const core = createApp({
    db: database.db,
    mailer,
    publicUrl: env.publicUrl,
    logger,
    artifacts,
    blobs,
    stallAfterMs: env.stallAfterMs,
  });
  // Uploads not completed within a day leave no record (issue 9): now, then every hour.
  const sweepUploads = () =>
    cleanAbandonedUploads({ db: database.db, blobs }, new Date())
      .then((removed) => removed && logger.info(`removed ${removed} abandoned support-bundle uploads`))
      .catch((error: unknown) => logger.error('abandoned upload cleanup failed', { error: String(error) }));
  void sweepUploads();
  setInterval(sweepUploads, UPLOAD_SWEEP_MS).unref();
  void inspectPending({ db: database.db, blobs, now: () => new Date(), logger, inspectBundle }).catch(
    (error: unknown) => logger.error('resuming support-bundle inspections failed', { error: String(error) }),
  );
  const branding = await readBranding({ db: database.db, publicUrl: env.publicUrl });
  ready(createHost(core, join(packageRoot, 'dist/client'), { trustProxy: env.trustProxy, branding }));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(`Portico is ready at ${env.publicUrl} (${database.kind}, started in ${seconds} s)`);
  logger.info(
    env.smtpUrl
      ? 'Sign-in links are sent by email through SMTP_URL.'
      : `Sign in with a customer email from ${env.configPath} (e.g. alice@acme.example); ` +
          `login links are written to ${join(env.dataDir, 'outbox')} and printed here.`,
  );
}

/** Files named in portico.yaml, relative to it: branding images or license YAML, 2 MB at most. */
function readConfigAsset(configPath: string): ReadAsset {
  return async (path, kind) => {
    const file = resolve(dirname(configPath), path);
    const field = kind === 'image' ? 'branding' : 'license.file';
    const contentType = kind === 'image' ? imageContentType(file) : /\.ya?ml$/i.test(file) ? 'application/yaml' : null;
    if (!contentType) {
      const expected = kind === 'image' ? 'an SVG, PNG, ICO, JPEG or WebP image' : 'a .yaml or .yml file';
      throw new CatalogueError(configPath, null, field, `${path} is not ${expected}`);
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new CatalogueError(configPath, null, field, `cannot read ${file}`);
    if (info.size > MAX_ASSET_BYTES) throw new CatalogueError(configPath, null, field, `${path} is larger than 2 MB`);
    return { bytes: new Uint8Array(await readFile(file)), contentType };
  };
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof CatalogueError || error instanceof StartError) {
    process.stderr.write(`Portico cannot start. ${error.message}\n`);
  } else {
    process.stderr.write(
      `Portico cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
