import { writeFile } from 'node:fs/promises';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite';

/**
 * Build step: an initialised, migrated PGlite data directory, so the first start on an empty
 * DATA_DIR skips initdb (seconds on a 2-core machine). Usage: node make-template.js <out.tar.gz>
 */
const out = process.argv[2];
if (!out) throw new Error('usage: make-template <out.tar.gz>');
const { client, db } = await openPglite();
await migrate(db);
const dump = await client.dumpDataDir('gzip');
await client.close();
await writeFile(out, Buffer.from(await dump.arrayBuffer()));
