import { readdirSync, readFileSync } from 'node:fs';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import SDK from 'lighthouse/core/lib/cdt/SDK.js';
import { describe, expect, vi } from 'vitest';
import { createAttempt } from './support/installs';
import { test } from './fixtures/signed-in';

// Decision 024: every chunk a page opens with begins with V8's explicit compile hint, the exact
// comment Chromium looks for on a script's first line, so its functions compile off the main thread.
const HINT = '//# allFunctionsCalledOnLoad\n';
const built = new URL('../dist/client/', import.meta.url);
const assets = readdirSync(new URL('assets/', built));
const asset = (name: string) => readFileSync(new URL(`assets/${name}`, built), 'utf8');

describe('the scripts a page opens with', () => {
  test('each begin with the compile hint', async ({ signedIn: { page, cookie }, baseURL }) => {
    const { attempt } = await createAttempt(baseURL, cookie, {
      method: 'embedded',
      name: 'hinted',
      version: '1.4.0',
      options: { network: 'online' },
    });
    const scripts = new Map<string, Promise<string>>();
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      // The warm-up worker is a worker's script, not the page's (decision 022).
      if (/^\/assets\/.*\.js$/.test(pathname) && !pathname.includes('worker')) scripts.set(pathname, response.text());
    });
    for (const [path, heading] of [
      ['/', 'Dashboard'],
      [`/install/${attempt.id}`, 'Install: hinted'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      // Read before the next page: a body Chromium has not handed over is gone once the page is.
      for (const [path, text] of scripts) expect((await text).slice(0, HINT.length), path).toBe(HINT);
    }
    expect(scripts.size).toBeGreaterThan(5);
  });

  test('keep source maps that point at the right line', () => {
    // The dashboard's chunk: its source map must still send the line its heading is made on
    // to that line of dashboard.tsx, though the hint moved every line of the chunk down one.
    const source = readFileSync(new URL('../src/features/dashboard/routes/dashboard.tsx', import.meta.url), 'utf8');
    const chunk = assets.find((name) => /^dashboard-.*\.js$/.test(name))!;
    const code = asset(chunk);
    const offset = code.search(/[`"']dashboard\.title[`"']/);
    expect(offset).toBeGreaterThan(0);
    const before = code.slice(0, offset).split('\n');
    const original = originalPositionFor(new TraceMap(asset(`${chunk}.map`)), {
      line: before.length,
      column: before.at(-1)!.length,
    });
    expect(original.source).toMatch(/src\/features\/dashboard\/routes\/dashboard\.tsx$/);
    expect(original.line).toBe(source.split('\n').findIndex((line) => line.includes(`'dashboard.title'`)) + 1);
  });

  test('keep only source maps Lighthouse can read, and name only maps that exist', () => {
    // Its parser says so on the console, and goes on without the map.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const name of assets.filter((file) => file.endsWith('.js.map'))) {
        const url = `http://portal.test/assets/${name.slice(0, -'.map'.length)}`;
        new SDK.SourceMap(url, `${url}.map`, JSON.parse(asset(name))).mappings();
      }
      expect(errors.mock.calls).toEqual([]);
    } finally {
      errors.mockRestore();
    }
    for (const name of assets.filter((file) => file.endsWith('.js'))) {
      const named = asset(name).match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
      if (named) expect(assets, name).toContain(named);
    }
  });

  test("carry each library's production build, never its development one", () => {
    // react-router's package exports name its development build in every mode (vite.config.ts).
    const sources = assets
      .filter((name) => name.endsWith('.js.map'))
      .flatMap((name) => (JSON.parse(asset(name)) as { sources: string[] }).sources)
      .filter((source) => source.includes('node_modules/'));
    expect(sources.filter((source) => /[/.]development[/.]/.test(source))).toEqual([]);
    expect(sources.filter((source) => source.includes('node_modules/react-router/dist/production/'))).not.toEqual([]);
    // The demo's build has no maps: its react-router is told by the development build's error page.
    const demo = new URL('../dist/demo/assets/', import.meta.url);
    const scripts = readdirSync(demo).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) expect(readFileSync(new URL(name, demo), 'utf8'), name).not.toContain('Hey developer');
  });

  test('leave zod without it: most of the library never runs', () => {
    const zod = assets.filter((name) => /^zod-.*\.js$/.test(name));
    expect(zod).toHaveLength(1);
    expect(asset(zod[0]!).startsWith(HINT)).toBe(false);
  });
});
