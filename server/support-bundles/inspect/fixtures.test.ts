import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { bundleFixtures } from '../../../scripts/make-bundle-fixtures.mjs';

it('the committed fixtures are what scripts/make-bundle-fixtures.mjs writes', async () => {
  const fixtures = Object.entries(bundleFixtures());
  expect(fixtures.length).toBeGreaterThan(40);
  for (const [name, bytes] of fixtures) {
    const committed = await readFile(new URL(`../fixtures/${name}`, import.meta.url));
    expect(Buffer.compare(committed, bytes), `${name}: run node scripts/make-bundle-fixtures.mjs`).toBe(0);
  }
}, 60_000);
