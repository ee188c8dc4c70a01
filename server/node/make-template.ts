import { writeFile } from 'node:fs/promises';
import { databaseTemplate } from '../db/template';

/**
 * Build step: the database template (server/db/template.ts), so the first start on an empty
 * DATA_DIR skips initdb. Usage: node make-template.js <out.tar.gz>
 */
const out = process.argv[2];
if (!out) throw new Error('usage: make-template <out.tar.gz>');
await writeFile(out, Buffer.from(await (await databaseTemplate('gzip')).arrayBuffer()));
