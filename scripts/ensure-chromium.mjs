// The e2e suite drives Debian's Chromium (never a downloaded browser build). Installs it when
// it is missing and we are root; otherwise says exactly what to run.
import { existsSync } from 'node:fs';
import { ensureDebianPackage } from './testing/debian-package.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  console.log(`Chromium is not at ${CHROMIUM}; trying to install Debian’s chromium for the end-to-end tests…`);
  const reason = await ensureDebianPackage('chromium', () => existsSync(CHROMIUM));
  if (reason) {
    console.error(
      `Chromium is needed for the end-to-end tests and was not found at ${CHROMIUM}.\n${reason}\n` +
        '(or set CHROMIUM_PATH to a Chromium binary).',
    );
    process.exit(1);
  }
}
