import { migrate } from './migrate';
import { openPglite } from './pglite';

/**
 * An initialised, migrated PGlite data directory as a tarball. initdb costs seconds (tens of
 * seconds in a browser), so the build makes this once and an empty database starts from it:
 * the Node host's DATA_DIR, each test file, and the zero-install demo's IndexedDB.
 */
export async function databaseTemplate(compression: 'gzip' | 'none'): Promise<Blob> {
  const { client, db } = await openPglite();
  try {
    await migrate(db);
    return await client.dumpDataDir(compression);
  } finally {
    await client.close();
  }
}
