import { createApp } from '../../server/app';
import { demoCatalogueText, readDemoAsset } from '../../server/catalogue/demo';
import { loadCatalogue } from '../../server/catalogue/load';
import { parseCatalogue } from '../../server/catalogue/parse';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import type { ArtifactStore, MailMessage } from '../../server/deps';
import { memoryBlobStore } from '../../server/support-bundles/memory-blob-store';

/** Where the demo's database lives: this browser's IndexedDB, so the data survives a reload. */
const DATA_DIR = 'idb://portico-demo';

/** The event the demo's mailer sends instead of an email; the demo shell shows its link. */
export const DEMO_MAIL_EVENT = 'portico-demo:mail';

/**
 * The real BFF in the page, over PGlite in IndexedDB, with the demo catalogue loaded as the Node
 * host loads it at every start (idempotent). Mail goes to the page, support bundles to memory.
 */
export async function startDemoPortal() {
  const { db } = await openPglite({ dataDir: DATA_DIR, template: await templateForNewDatabase() });
  await migrate(db);
  await loadCatalogue(db, parseCatalogue(demoCatalogueText, 'portico.yaml'), readDemoAsset, new Date());
  const app = createApp({
    db,
    publicUrl: location.origin,
    mailer: {
      send: async (message: MailMessage) =>
        void window.dispatchEvent(new CustomEvent(DEMO_MAIL_EVENT, { detail: message })),
    },
    blobs: memoryBlobStore(),
    artifacts: demoArtifacts,
    logger: { info() {}, error: (message, fields) => console.error(message, fields) },
  });
  return { app };
}

/** Where the build puts the migrated database (vite.demo.config.ts, server/db/template.ts). */
const TEMPLATE_URL = '/demo-database.tar.gz';

/**
 * The build's migrated database, for a browser that has none yet (a first visit, or after a
 * reset): initdb and the migrations take tens of seconds in a page, unpacking this a second or two.
 * Without it (a file server that lost it) PGlite runs initdb: slower, the same database.
 */
async function templateForNewDatabase(): Promise<Blob | undefined> {
  if ((await demoDatabaseNames()).length > 0) return undefined;
  const response = await fetch(TEMPLATE_URL);
  if (!response.ok) return undefined;
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A file server may have unpacked the gzip on the way (Content-Encoding: gzip), so the bytes,
  // not the name, say which it is; PGlite reads the type to know whether to gunzip.
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return new Blob([bytes], { type: gzipped ? 'application/gzip' : 'application/x-tar' });
}

/** The artifacts the demo build carries (vite.demo.config.ts): the installer the download packs. */
const DEMO_ARTIFACTS = ['embedded/atlas'];

const demoArtifacts: ArtifactStore = {
  async open(path) {
    if (!DEMO_ARTIFACTS.includes(path)) return null;
    const response = await fetch(`/demo-artifacts/${path}`);
    if (!response.ok) return null;
    const bytes = await response.blob();
    return { body: bytes.stream(), size: bytes.size };
  },
  readText: async () => null,
};

/** Deletes the demo's database (PGlite names its IndexedDB database after the data folder). */
export async function deleteDemoData() {
  await Promise.all(
    (await demoDatabaseNames()).map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
        }),
    ),
  );
}

const demoDatabaseNames = async () =>
  (await indexedDB.databases()).flatMap(({ name }) => (name?.includes('portico-demo') ? [name] : []));
