// Writes the demo vendor's OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md):
// for every release, the Helm chart as an OCI artifact (repository = the app slug) and two tiny
// container images (<app>-api, <app>-web), all tagged with the version. index.json names each
// manifest by `org.opencontainers.image.ref.name` (tag) and `io.portico.repository`; the registry
// gateway (server/wire/registry/) serves them under /v2/<app>/<channel>/<repository>.
// Output is byte-for-byte reproducible: fixed mtimes, owners and modes, and no clock is read.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const MTIME = Date.UTC(2026, 0, 1) / 1000;
const CREATED = new Date(MTIME * 1000).toISOString();
const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json';
const HELM_CHART = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';

export async function buildOciLayout(outDir, demo) {
  const blobDir = resolve(outDir, 'blobs/sha256');
  await mkdir(blobDir, { recursive: true });
  const blobs = new Map();
  const put = (bytes, mediaType) => {
    const hex = createHash('sha256').update(bytes).digest('hex');
    blobs.set(hex, bytes);
    return { mediaType, digest: `sha256:${hex}`, size: bytes.length };
  };
  const putJson = (value, mediaType) => put(Buffer.from(JSON.stringify(value)), mediaType);

  // A version on two channels is the same release content: one manifest per repository and tag.
  const versions = [...new Set(demo.channels.flatMap((c) => c.releases.map((r) => r.version)))];
  const manifests = [];
  for (const version of versions) {
    const tag = (repository, descriptor) =>
      manifests.push({
        ...descriptor,
        annotations: { 'org.opencontainers.image.ref.name': version, 'io.portico.repository': repository },
      });
    tag(demo.appSlug, putJson(chartManifest(demo, version, put, putJson), OCI_MANIFEST));
    for (const component of ['api', 'web']) {
      const repository = `${demo.appSlug}-${component}`;
      tag(repository, putJson(imageManifest(repository, version, put, putJson), OCI_MANIFEST));
    }
  }

  await writeFile(resolve(outDir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  await writeFile(
    resolve(outDir, 'index.json'),
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }, null, 2),
  );
  for (const [hex, bytes] of blobs) await writeFile(resolve(blobDir, hex), bytes);
}

function chartManifest(demo, version, put, putJson) {
  const app = demo.appSlug;
  const chartYaml = [
    'apiVersion: v2',
    `name: ${app}`,
    `description: ${demo.appName}, installed into your own cluster.`,
    'type: application',
    `version: ${version}`,
    `appVersion: "${version}"`,
    '',
  ].join('\n');
  const valuesYaml = [
    "# Images come from the portal's registry: <portal host>/<app>/<channel>/<repository>.",
    '# Set imageRegistry to that prefix, e.g. portal.example.com/atlas/stable.',
    'imageRegistry: ""',
    'imagePullSecrets: []',
    'images:',
    ...['api', 'web'].flatMap((c) => [`  ${c}:`, `    repository: ${app}-${c}`, `    tag: "${version}"`]),
    'resources: {}',
    '',
  ].join('\n');
  const deploymentYaml = ['api', 'web']
    .map((c) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: {{ .Release.Name }}-${c}`,
        '  labels:',
        `    app.kubernetes.io/name: ${app}-${c}`,
        '    app.kubernetes.io/instance: {{ .Release.Name }}',
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        `      app.kubernetes.io/name: ${app}-${c}`,
        '      app.kubernetes.io/instance: {{ .Release.Name }}',
        '  template:',
        '    metadata:',
        '      labels:',
        `        app.kubernetes.io/name: ${app}-${c}`,
        '        app.kubernetes.io/instance: {{ .Release.Name }}',
        '    spec:',
        '      {{- with .Values.imagePullSecrets }}',
        '      imagePullSecrets: {{- toYaml . | nindent 8 }}',
        '      {{- end }}',
        '      containers:',
        `        - name: ${c}`,
        `          image: "{{ with .Values.imageRegistry }}{{ . }}/{{ end }}{{ .Values.images.${c}.repository }}:{{ .Values.images.${c}.tag }}"`,
        '          resources: {{- toYaml .Values.resources | nindent 12 }}',
        '',
      ].join('\n'),
    )
    .join('---\n');
  const chart = gzip(
    tar([
      { path: `${app}/Chart.yaml`, content: chartYaml },
      { path: `${app}/values.yaml`, content: valuesYaml },
      { path: `${app}/templates/deployment.yaml`, content: deploymentYaml },
    ]),
  );
  const config = { name: app, version, description: `${demo.appName}`, apiVersion: 'v2', appVersion: version };
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: putJson(config, HELM_CONFIG),
    layers: [put(chart, HELM_CHART)],
    annotations: {
      'org.opencontainers.image.title': app,
      'org.opencontainers.image.version': version,
      'org.opencontainers.image.created': CREATED,
    },
  };
}

function imageManifest(repository, version, put, putJson) {
  const layerTar = tar([
    { path: 'etc/', dir: true },
    { path: 'etc/atlas/', dir: true },
    { path: `etc/atlas/${repository}-release`, content: `${repository} ${version}\n` },
  ]);
  const diffId = `sha256:${createHash('sha256').update(layerTar).digest('hex')}`;
  const config = {
    created: CREATED,
    architecture: 'amd64',
    os: 'linux',
    config: { Labels: { 'org.opencontainers.image.version': version } },
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created: CREATED, created_by: `portico demo: ${repository} ${version}` }],
  };
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: putJson(config, OCI_CONFIG),
    layers: [put(gzip(layerTar), OCI_LAYER)],
    annotations: { 'org.opencontainers.image.version': version, 'org.opencontainers.image.created': CREATED },
  };
}

/** gzip with the header's OS byte fixed (zlib writes the build platform's), so every host agrees. */
function gzip(bytes) {
  const out = gzipSync(bytes, { level: 9 });
  out[9] = 255;
  return out;
}

/** A ustar archive of files and directories, owned by root, with fixed modes and mtimes. */
function tar(entries) {
  const blocks = [];
  for (const entry of entries) {
    const content = entry.dir ? Buffer.alloc(0) : Buffer.from(entry.content);
    blocks.push(tarHeader(entry.path, content.length, entry.dir));
    blocks.push(content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function tarHeader(path, size, dir) {
  if (Buffer.byteLength(path) > 100) throw new Error(`tar path too long: ${path}`);
  const header = Buffer.alloc(512);
  const field = (offset, length, value) => header.write(value, offset, length, 'utf8');
  const octal = (offset, length, value) => field(offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
  field(0, 100, path);
  octal(100, 8, dir ? 0o755 : 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, MTIME);
  field(148, 8, '        ');
  field(156, 1, dir ? '5' : '0');
  field(257, 8, 'ustar\x0000');
  field(265, 32, 'root');
  field(297, 32, 'root');
  let sum = 0;
  for (const byte of header) sum += byte;
  field(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return header;
}
