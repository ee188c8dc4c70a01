// Marks the build as fresh for scripts/start.mjs.
import { writeFileSync } from 'node:fs';
writeFileSync('dist/.build-stamp', new Date().toISOString());
