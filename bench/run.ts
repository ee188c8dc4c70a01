// `npm run bench`: builds, then measures the built portal and writes docs/performance.md.
// Not part of the tests: figures depend on the machine, so they are recorded, not asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { bundleInspect } from './bundle-inspect';
import { bundleSize } from './bundle-size';
import { bundleUpload } from './bundle-upload';
import { checkInThroughput } from './check-in-throughput';
import { coldStart } from './cold-start';
import { installLatency } from './install-latency';
import { installerEvents } from './installer-events';
import { instanceList } from './instance-list';
import { lighthouseScores } from './lighthouse';
import type { BenchResult, Figure } from './types';

const OUTPUT = 'docs/performance.md';

if (!existsSync('dist/server/main.js')) {
  console.error('No build found. Run `npm run bench`, which builds first.');
  process.exit(1);
}

const benchmarks: [string, () => Promise<BenchResult>][] = [
  ['Bundle size', bundleSize],
  ['Cold start', coldStart],
  ['Install tracking latency', installLatency],
  ['SDK check-in throughput', checkInThroughput],
  ['Embedded Cluster events', installerEvents],
  ['Instance list at 10,000 instances', instanceList],
  ['Support-bundle inspection', bundleInspect],
  ['Support bundle upload', bundleUpload],
  ['Lighthouse, mobile', lighthouseScores],
];

const loadBefore = loadavg()[0]!.toFixed(2); // A busy machine explains a slow figure.
const results: [string, BenchResult][] = [];
for (const [name, run] of benchmarks) {
  console.log(`${name}…`);
  results.push([name, await run()]);
}

const figures = results.flatMap(([, result]) => result.figures);
await writeFile(OUTPUT, report(figures, results));
console.log(`\n${figuresTable(figures)}\n\nWritten to ${OUTPUT}.`);
if (figures.some((f) => f.pass === false)) console.warn('Some figures miss their target (see the table).');

function report(figures: Figure[], results: [string, BenchResult][]): string {
  return `# Performance

<!-- Written by \`npm run bench\` (bench/run.ts). Do not edit by hand; run it again. -->

Measured on ${new Date().toISOString().slice(0, 10)} from commit ${commit()}.

| Machine | |
|---|---|
| CPU | ${cpuModel()} |
| Cores (\`nproc\`) | ${availableParallelism()} |
| Memory | ${(totalmem() / 2 ** 30).toFixed(1)} GiB |
| Node.js | ${process.version} |
| Load average (1 min) when the bench started | ${loadBefore} |

## Results

${figuresTable(figures)}

${results.map(([name, result]) => `## ${name}\n\n${result.details}`).join('\n\n')}

## How these are measured

- **Bundle size** (bench/bundle-size.ts): the built server is started with an empty data folder,
  and Debian's Chromium loads each page in a fresh browser context (empty cache). Every script
  and stylesheet it fetches until the network is idle counts, lazily loaded route chunks included.
  Sizes are the response bodies, raw and gzipped at level 9 as a compressing server or proxy would
  send them. The dashboard is loaded by a user already signed in (session cookie set through the
  BFF), as on every return visit; the sign-in link's own page is not counted. 1 kB = 1,000 bytes.
- **Cold start** (bench/cold-start.ts): five times, an empty data folder and a new
  \`node dist/server/main.js\` process (what \`npm start\` runs once its one-time build is done;
  \`npm start\` itself adds npm's and scripts/start.mjs's own start-up), timed from spawning until
  the first 200 from \`GET /api/health\`, polled every 25 ms. A first start unpacks the PGlite
  template, runs the migrations and loads demo/portico.yaml. The files are in the OS cache, as
  on a second \`npm start\`, not after a reboot.
- **Install tracking latency** (bench/install-latency.ts): the time from an ingest request to the
  checkbox changing in the page. The built server runs with an empty data folder; alice is signed
  in to a Chromium context. For each of 60 events a new Embedded Cluster attempt is started through
  the API (\`POST /api/installs\`) and its page opened; once the page says it is live (it follows
  the attempt over server-sent events), a MutationObserver in the page records \`Date.now()\` when
  the checkbox's \`aria-checked\` turns true. Node records \`Date.now()\` just before sending,
  alternately the bundle download (\`GET /embedded/atlas/stable/1.4.0\`, which ticks "Assets
  downloaded" once the whole .tgz has been read) and the installer's \`POST
  /embedded_cluster_metrics/GenericEvent\` with \`InstallationSucceeded\` ("Installation
  completed"), in the installer's own format and without credentials; before it, untimed, the
  bundle is downloaded and \`InstallationStarted\` with the bundle's license ID joins the
  installer's cluster to the attempt. Each attempt only downloaded is then discarded, so the next
  installer has one attempt to join. Both clocks are the same machine's. Percentiles are
  nearest-rank.
- **SDK check-in throughput** (bench/check-in-throughput.ts): the built server on its embedded
  database (PGlite, empty data folder) and one Embedded Cluster attempt whose bundle was downloaded.
  A fixed number of workers (8, then 32) each send their next
  \`POST /kots_metrics/license_instance/info\` as soon as the last is answered, over keep-alive
  connections (Node's http.Agent, one socket per worker), with the license ID as the real SDK sends
  it (\`Basic base64(licenseID:licenseID)\`, Go's header spelling), \`X-Replicated-InstanceID\`
  rotating over 100 instances (the first joins the attempt, the other 99 report on their own, so
  most check-ins also look for an attempt to join: the worst case of decision 008) and
  three resource states in the body. 2 s of warm-up are not counted, then 10 s are; only 200s
  count (anything else is reported as an error), latency is from sending to the end of the answer.
  The load generator runs on the same machine as the server and shares its cores.
- **Embedded Cluster events** (bench/installer-events.ts): the built server on PGlite, empty data
  folder. 100 times: an Embedded Cluster attempt is started through the API and its bundle
  downloaded with its token (not timed); then the installer's recorded requests are sent one
  after another, as it sends them (no Authorization, the envelope body): \`InstallationStarted\`
  with the license ID (the license looked up by hash, the one awaiting attempt joined and claimed
  for the cluster) and \`GenericEvent\` \`InstallationSucceeded\` (the attempt found by its
  cluster alone, the checkbox written and announced to open pages). Latency is from sending to
  the end of the answer; percentiles are nearest-rank.
- **Instance list at 10,000 instances** (bench/instance-list.ts): the built server makes its
  data folder (PGlite) and stops; 10,000 instances of the demo team Acme are then written straight
  into that folder with one \`INSERT … SELECT\` over \`generate_series\` (85 % online and active,
  10 % inactive, 5 % air gap; each with a name tag, a status, a version and three resource states),
  and the server starts again on it. Signed in as alice, Node asks for \`GET /api/instances\` 60
  times per query, 50 instances a page, each page after the previous page's cursor (starting over
  after the last page): the Active tab, the Inactive tab, a name search matching about 1,100
  instances, a search matching none, and the Active tab sorted by name. Each is timed from sending
  to the end of the body, after one untimed warm-up walk; every page also counts the four tabs.
  Then Chromium opens \`/instances\` five times in one signed-in context (assets cached after the
  first), timed from navigation to the first row's link being visible, and the document's element
  count is read; once more after scrolling down 30 times (the list loads further pages as it goes)
  to show the count stays bounded. Percentiles are nearest-rank.
- **Support-bundle inspection** (bench/bundle-inspect.ts): a support bundle of about 500 MB
  uncompressed (2,000 resource JSON files of 50 KiB and four 100 MiB pod logs whose lines vary
  like real access logs, so gzip gets about what real bundles get) is generated and gzip'd in
  memory first, untimed. \`inspectBundle\` then reads it in its one streaming pass (gunzip, tar
  headers, every refusal check of A7, the facts of A6). Throughput is uncompressed MB over wall
  time; memory growth is the peak of V8 heap plus ArrayBuffers, sampled as each compressed chunk
  is pulled and every millisecond, over what was held before the pass (which already holds the
  compressed bundle).
- **Support bundle upload** (bench/bundle-upload.ts): the built server on PGlite, empty data
  folder, signed in as alice. One tus upload of 1 GiB is created (\`POST /api/support-bundles/uploads\`)
  and one \`PATCH\` streams all of it over loopback from Node's http client, 1 MiB writes as fast
  as the socket drains (tus-js-client's default: one request for the whole file). Throughput is
  1 GiB over the time from the first byte to the \`204\`; the bytes are written under
  \`DATA_DIR/blobs\` and hashed (SHA-256) as they arrive, then fsynced. Memory is the server
  process's resident set (\`VmRSS\`) sampled every 20 ms, its peak minus its value just before the
  upload. Client and server share the machine's cores.
- **Lighthouse, mobile** (bench/lighthouse.ts): the npm \`lighthouse\` package (12) drives Debian's
  Chromium (headless, a fresh profile, started by chrome-launcher) against the built server on an
  empty data folder. Its default mobile settings: a Moto G Power sized screen (412 × 823), simulated slow 4G
  (150 ms round trips, 1.6 Mbit/s down) and a 4× slower CPU, applied by Lighthouse's simulation to
  what was observed on loopback; cache and storage cleared before each run. Three pages: the
  sign-in page (\`/login\`), signed out; the dashboard (\`/\`) and the page of an Embedded Cluster
  attempt started through the API (\`/install/<id>\`), signed in as alice, the session cookie sent
  with every request (the run fails if the page it audited is not the one asked for, as when a
  lost session lands on \`/login\`). Then a control, which has no target: the dashboard's HTML as
  the server sent it, with its scripts and preloads taken out, served with the same headers from
  loopback (bench/lighthouse-control.ts); it shows what the machine and Lighthouse leave a page
  that paints as early and runs nothing (decision 021). Each is audited five times and the median
  run (Lighthouse's own choice, by FCP and time to interactive) gives the scores and times; every
  run is listed above. TBT is the CPU's work multiplied by 4, so a busy machine scores lower.
  Beside Lighthouse's own figures, each run's trace gives the blocking time after the first paint
  (bench/main-thread.ts, decision 022): every main-thread task that starts once the page has first
  painted, four times its length less 50 ms, added up; in brackets, the part in tasks that mostly
  ran script. Unlike TBT it does not depend on where Lighthouse's simulation puts the first paint,
  so it follows what the page does rather than whether a run painted early or late.
- Figures vary with what else the machine is doing, so the bench records them rather than
  failing on them, and it is not part of \`npm test\`.
`;
}

function figuresTable(figures: Figure[]): string {
  const pass = (p: boolean | null) => (p === null ? '—' : p ? 'yes' : '**no**');
  return [
    '| Figure | Measured | Target | Pass |',
    '|---|---|---|---|',
    ...figures.map((f) => `| ${f.figure} | ${f.measured} | ${f.target} | ${pass(f.pass)} |`),
  ].join('\n');
}

function cpuModel(): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'server', 'contract'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${sha} with uncommitted changes to the sources` : sha;
  } catch {
    return 'unknown';
  }
}
