import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { startServer } from '../e2e/support/server';
import { signInByApi, signInWithFetch } from '../e2e/support/sign-in';
import { openPglite } from '../server/db/pglite';
import { percentile, wholeMs, type BenchResult, type Figure } from './types';

const INSTANCES = 10_000;
const PAGE_TARGET_MS = 50;
const RENDER_TARGET_MS = 1_000;
const DOM_TARGET = 2_000;
/** Pages timed per query; the list's own order, each page after the last one's cursor. */
const PAGES = 60;
const RENDERS = 5;

/**
 * The Instances page at 10,000 instances (issue 8). The built server makes its data folder and
 * stops; 10,000 instances of the demo team Acme are written straight into that PGlite folder
 * (one INSERT … SELECT over generate_series: 85 % online and active, 10 % inactive, 5 % air gap,
 * every one with a name tag, a status, a version and three resource states); the server starts
 * again on it. Then, signed in as alice: GET /api/instances page after page (limit 50, following
 * the cursor) for the Active tab, the Inactive tab, a name search and the name sort, each timed
 * from sending to the end of the body; and the page /instances opened in Chromium five times,
 * timed from navigation to the first row visible, with the document's element count then.
 */
export async function instanceList(): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-instances-'));
  try {
    const first = await startServer({ dataDir });
    await first.stop();
    await seed(dataDir);
    const server = await startServer({ dataDir });
    const browser = await launchChromium();
    try {
      const cookie = await signInWithFetch(server.baseURL, dataDir, 'alice@acme.example');
      const api = async (query: string) => timePages(server.baseURL, cookie, query);
      await api('tab=active'); // warm-up, not counted
      const queries = [
        ['Active tab, newest check-in first', 'tab=active'],
        ['Inactive tab', 'tab=inactive'],
        ['Search by name ("edge-1")', 'tab=active&q=edge-1'],
        ['Search by name, no match', 'tab=active&q=no-such-instance'],
        ['Active tab by name', 'tab=active&sort=name'],
      ] as const;
      const measured: [string, string, number[]][] = [];
      for (const [name, query] of queries) measured.push([name, query, await api(query)]);

      const context = await browser.newContext({ baseURL: server.baseURL, locale: 'en-US' });
      await signInByApi(context.request, server.baseURL, dataDir, 'alice@acme.example');
      const renders: Render[] = [];
      const baseline: Render[] = [];
      for (let i = 0; i < RENDERS; i++) {
        renders.push(await render(context, '/instances', 'ul[aria-label="Instances"] li a'));
        // For comparison, a page with little on it: what any page costs on this machine now.
        baseline.push(await render(context, '/releases', 'main h2'));
      }
      const scrolled = await scrolledNodes(context);
      await context.close();
      return report(measured, renders, scrolled, baseline);
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function seed(dataDir: string) {
  const { client } = await openPglite({ dataDir: join(dataDir, 'pglite') });
  try {
    const team = await client.query<{ id: string }>(`SELECT id FROM teams WHERE name ILIKE 'acme%' LIMIT 1`);
    const teamId = team.rows[0]?.id;
    if (!teamId) throw new Error('The demo data has no Acme team');
    await client.query(
      `INSERT INTO instances (id, team_id, external_id, airgap, status, details, first_check_in_at, last_check_in_at)
       SELECT 'bench-' || n, $1, md5(n::text), n % 20 = 0,
         (ARRAY['ready','ready','ready','ready','degraded','updating','unavailable','missing'])[1 + n % 8],
         jsonb_build_object(
           'versionLabel', (ARRAY['1.4.0','1.3.0','1.2.0','1.1.0'])[1 + n % 4],
           'k8sVersion', 'v1.30.4', 'sdkVersion', '1.0.0',
           'tags', jsonb_build_object('name', 'edge-' || n, 'region', 'eu-' || (n % 3)),
           'resourceStates', jsonb_build_array(
             jsonb_build_object('kind','deployment','name','api','namespace','atlas','state','ready'),
             jsonb_build_object('kind','deployment','name','web','namespace','atlas','state','ready'),
             jsonb_build_object('kind','statefulset','name','db','namespace','atlas','state','ready'))),
         CASE WHEN n % 20 = 0 THEN NULL ELSE now() - interval '30 days' END,
         CASE WHEN n % 20 = 0 THEN NULL
              WHEN n % 10 = 1 THEN now() - interval '3 days' - n * interval '1 second'
              ELSE now() - n * interval '5 seconds' END
       FROM generate_series(1, ${INSTANCES}) n`,
      [teamId],
    );
    await client.query('ANALYZE instances');
  } finally {
    await client.close();
  }
}

/** Each page of a query as the SPA asks for it, timed from sending to the end of the body. */
async function timePages(baseURL: string, cookie: string, query: string): Promise<number[]> {
  const samples: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < PAGES; i++) {
    const url = `${baseURL}/api/instances?${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const sentAt = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = (await response.json()) as { nextCursor: string | null };
    samples.push(performance.now() - sentAt);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    cursor = body.nextCursor;
    if (!cursor) cursor = null; // the last page: start over, as a new visitor would
  }
  return samples;
}

type Render = { ms: number; nodes: number };

async function render(context: BrowserContext, path: string, selector: string): Promise<Render> {
  const page = await context.newPage();
  try {
    const startedAt = Date.now();
    await page.goto(path, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ state: 'visible' });
    const ms = Date.now() - startedAt;
    const nodes = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
    return { ms, nodes };
  } finally {
    await page.close();
  }
}

/** The element count after scrolling down through ten pages (500 instances loaded). */
async function scrolledNodes(context: BrowserContext): Promise<{ loaded: number; nodes: number }> {
  const page = await context.newPage();
  try {
    await page.goto('/instances');
    await page.locator('ul[aria-label="Instances"] li a').first().waitFor({ state: 'visible' });
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, 4_000);
      await page.waitForTimeout(100);
    }
    const loaded = Number(
      /Showing ([\d,]+)/.exec(await page.locator('text=/^Showing /').innerText())?.[1]?.replace(/,/g, ''),
    );
    const nodes = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
    return { loaded, nodes };
  } finally {
    await page.close();
  }
}

function report(
  measured: [string, string, number[]][],
  renders: Render[],
  scrolled: { loaded: number; nodes: number },
  baseline: Render[],
): BenchResult {
  const stats = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
  };
  const plain = stats(measured[0]![2]);
  const search = stats(measured[2]![2]);
  const renderMs = [...renders.map((r) => r.ms)].sort((a, b) => a - b);
  const worstRender = renderMs.at(-1) ?? NaN;
  const mostNodes = Math.max(...renders.map((r) => r.nodes), scrolled.nodes);
  const figures: Figure[] = [
    {
      figure: `Instance list API, p95 a page (${INSTANCES.toLocaleString('en')} instances, n = ${PAGES})`,
      measured: wholeMs(plain.p95),
      target: `< ${PAGE_TARGET_MS} ms`,
      pass: plain.p95 < PAGE_TARGET_MS,
    },
    {
      figure: `Instance list API with a name search, p95 a page (n = ${PAGES})`,
      measured: wholeMs(search.p95),
      target: `< ${PAGE_TARGET_MS} ms`,
      pass: search.p95 < PAGE_TARGET_MS,
    },
    {
      figure: `Instances page, first row visible, slowest of ${RENDERS}`,
      measured: wholeMs(worstRender),
      target: '< 1 s',
      pass: worstRender < RENDER_TARGET_MS,
    },
    {
      figure: 'Instances page, DOM elements (most seen)',
      measured: mostNodes.toLocaleString('en'),
      target: `< ${DOM_TARGET.toLocaleString('en')}`,
      pass: mostNodes < DOM_TARGET,
    },
  ];
  const details = [
    '| Query (`GET /api/instances?…`, limit 50) | p50 | p95 | max |',
    '|---|---:|---:|---:|',
    ...measured.map(([name, query, samples]) => {
      const s = stats(samples);
      return `| ${name} (\`${query}\`) | ${wholeMs(s.p50)} | ${wholeMs(s.p95)} | ${wholeMs(s.max)} |`;
    }),
    '',
    `First render of /instances (ms, each of ${RENDERS}): ${renders.map((r) => r.ms).join(', ')}; ` +
      `elements: ${renders.map((r) => r.nodes).join(', ')}.`,
    `For comparison, the Releases page (/releases, to its first release heading), each: ` +
      `${baseline.map((r) => r.ms).join(', ')} ms.`,
    `After scrolling until ${scrolled.loaded.toLocaleString('en')} instances were loaded: ` +
      `${scrolled.nodes.toLocaleString('en')} elements.`,
  ].join('\n');
  return { figures, details };
}
