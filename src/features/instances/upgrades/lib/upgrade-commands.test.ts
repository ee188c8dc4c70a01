import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../../lib/shell';
import { upgradeMethodOf, upgradeSteps, type UpgradeInput } from './upgrade-commands';

const base = {
  target: '1.4.0',
  appSlug: 'atlas',
  channelSlug: 'stable',
  portalUrl: 'https://portal.atlas.example',
  email: 'alice@acme.example',
  secret: '2kLp9QvX7mRt4Acme',
} satisfies Partial<UpgradeInput>;

const helmOnline = { network: 'online', kubernetesDistribution: 'eks', registryAccess: 'online' } as const;
const commands = (input: UpgradeInput) => upgradeSteps(input).map((s) => [s.id, ...s.commands]);

describe('upgradeSteps', () => {
  it('Embedded Cluster online: downloads the target bundle with the license ID and runs upgrade', () => {
    expect(commands({ ...base, method: 'embedded', options: { network: 'online' } })).toEqual([
      [
        'download',
        "curl -f https://portal.atlas.example/embedded/atlas/stable/1.4.0 -H 'Authorization: 2kLp9QvX7mRt4Acme' -o atlas-stable-1.4.0.tgz",
      ],
      ['extract', 'tar -xvzf atlas-stable-1.4.0.tgz'],
      ['upgrade', 'sudo ./atlas upgrade --license license.yaml'],
    ]);
  });

  it('Embedded Cluster air gap: the ?airgap=true bundle and --airgap-bundle, also for an air-gap instance record', () => {
    for (const input of [
      { ...base, method: 'embedded', options: { network: 'airgap' } },
      { ...base, method: 'embedded', options: { network: 'online' }, airgap: true },
    ] satisfies UpgradeInput[]) {
      const [download, , upgrade] = commands(input);
      expect(download![1]).toContain("curl -f 'https://portal.atlas.example/embedded/atlas/stable/1.4.0?airgap=true' ");
      expect(upgrade![1]).toBe('sudo ./atlas upgrade --license license.yaml --airgap-bundle atlas.airgap');
    }
  });

  it('Embedded Cluster behind a proxy downloads through it', () => {
    const proxy = commands({
      ...base,
      method: 'embedded',
      options: { network: 'proxy', proxyUrl: 'http://proxy:3128' },
    });
    expect(proxy[0]![1]).toMatch(/-o atlas-stable-1\.4\.0\.tgz --proxy http:\/\/proxy:3128$/);
  });

  it('Helm online: logs in again and runs helm upgrade to the target version', () => {
    expect(commands({ ...base, method: 'helm', options: helmOnline })).toEqual([
      ['login', 'helm registry login portal.atlas.example --username alice@acme.example --password 2kLp9QvX7mRt4Acme'],
      ['upgrade_chart', 'helm upgrade atlas oci://portal.atlas.example/atlas/stable/atlas --version 1.4.0'],
    ]);
  });

  it('Helm against a portal on plain HTTP adds the flags helm needs', () => {
    const [login, upgrade] = commands({
      ...base,
      portalUrl: 'http://localhost:3000',
      method: 'helm',
      options: helmOnline,
    });
    expect(login![1]).toBe(
      'helm registry login localhost:3000 --insecure --username alice@acme.example --password 2kLp9QvX7mRt4Acme',
    );
    expect(upgrade![1]).toBe('helm upgrade atlas oci://localhost:3000/atlas/stable/atlas --version 1.4.0 --plain-http');
  });

  it('Helm air gap: copies the images, keeps the values and upgrades from the pulled chart', () => {
    const steps = commands({
      ...base,
      method: 'helm',
      options: { network: 'airgap', kubernetesDistribution: 'eks', registryAccess: 'offline' },
      images: [{ repository: 'atlas/web', tag: '1.4.0' }],
    });
    expect(steps.map(([id]) => id)).toEqual(['login', 'images', 'pull_chart', 'values', 'upgrade_chart']);
    expect(steps[1]).toContain("docker push '<your.registry.com>/atlas/web:1.4.0'");
    expect(steps[3]![1]).toBe('helm get values atlas -o yaml > atlas-values.yaml');
    expect(steps[4]![1]).toBe(
      "helm upgrade atlas ./atlas-1.4.0.tgz -f atlas-values.yaml --set replicated.isAirgap=true --set 'global.imageRegistry=<your.registry.com>'",
    );
  });

  it('masks the license ID on screen wherever it appears', () => {
    const text = [
      ...upgradeSteps({ ...base, method: 'embedded', options: { network: 'online' } }),
      ...upgradeSteps({ ...base, method: 'helm', options: helmOnline }),
    ]
      .flatMap((s) => s.commands)
      .join('\n');
    expect(maskSecret(text, base.secret)).not.toContain(base.secret);
  });
});

describe('upgradeMethodOf', () => {
  const known = (installMethod: 'embedded' | 'helm' | null, airgap = false) => ({ airgap, installMethod });

  it("takes the install attempt's method and options when the instance came from one", () => {
    const install = { method: 'embedded', options: { network: 'proxy', proxyUrl: 'http://proxy:3128' } } as const;
    expect(upgradeMethodOf(known('helm'), install)).toEqual({ ...install, airgap: false });
  });

  it("takes the instance's known method online, else Helm", () => {
    expect(upgradeMethodOf(known('embedded'))).toEqual({
      method: 'embedded',
      options: { network: 'online' },
      airgap: false,
    });
    expect(upgradeMethodOf(known('helm'))).toMatchObject({ method: 'helm', airgap: false });
    expect(upgradeMethodOf(known(null))).toMatchObject({ method: 'helm' });
  });

  it('upgrades an air-gap record, or an air-gap install, offline', () => {
    expect(upgradeMethodOf(known('embedded', true))).toMatchObject({ method: 'embedded', airgap: true });
    const install = { method: 'helm', options: { network: 'airgap' } } as const;
    expect(upgradeMethodOf(known('helm'), install)).toMatchObject({ method: 'helm', airgap: true });
  });
});

/** Runs the commands in bash with every tool they call replaced by one that prints its arguments. */
function runInBash(commands: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'portico-upgrade-'));
  try {
    const stubs = ['curl', 'tar', 'sudo', 'helm', 'kubectl', 'docker']
      .map((tool) => `${tool}() { printf '%s\\0' ${tool} "$@"; }`)
      .join('\n');
    const { stdout, stderr } = spawnSync(
      'bash',
      [
        '--norc',
        '--noprofile',
        '-c',
        `${stubs}\n${commands.join('\n')}\nprintf 'HTTPS_PROXY=%s\\0' "\${HTTPS_PROXY-}"`,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: {},
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return { words: stdout.split('\0'), stderr, created: readdirSync(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('values in the upgrade commands', () => {
  it('stay whole and run nothing, whatever they hold', () => {
    const hostile = (name: string) => `${name} '"; touch pwned-${name}; $(touch x) \`touch y\`\n&& touch z #`;
    const input = {
      appSlug: hostile('app'),
      channelSlug: hostile('channel'),
      target: hostile('target'),
      portalUrl: 'https://portal.atlas.example',
      email: hostile('email'),
      secret: hostile('secret'),
      registryUri: hostile('registry'),
      images: [{ repository: hostile('repository'), tag: hostile('tag') }],
    };
    const proxied = { network: 'proxy', proxyUrl: hostile('proxy') } as const;
    const cases: UpgradeInput[] = [
      { ...input, method: 'embedded', options: { network: 'online' } },
      { ...input, method: 'embedded', options: proxied, airgap: true },
      { ...input, method: 'embedded', options: proxied },
      { ...input, method: 'helm', options: { ...proxied, kubernetesDistribution: 'eks', registryAccess: 'online' } },
      {
        ...input,
        method: 'helm',
        options: { network: 'airgap', kubernetesDistribution: 'eks', registryAccess: 'offline' },
      },
    ];
    for (const command of cases) {
      const { words, created, stderr } = runInBash(upgradeSteps(command).flatMap((s) => s.commands));
      // The one file a command writes on purpose: Helm air gap's captured values.
      expect(
        created.filter((file) => file !== `${input.appSlug}-values.yaml`),
        stderr,
      ).toEqual([]);
      const values = [input.appSlug, input.channelSlug, input.target, input.secret];
      if (command.method === 'helm') values.push(input.email);
      if (command.method === 'helm' && command.options.network === 'airgap')
        values.push(input.registryUri, input.images[0]!.repository, input.images[0]!.tag);
      // An air-gap instance downloads nothing from here, so no proxy is used.
      if (command.options.network === 'proxy' && !command.airgap) values.push(command.options.proxyUrl!);
      const whole = (value: string) => (word: string) =>
        word.includes(value) || word.includes(encodeURIComponent(value));
      for (const value of values) expect(words.some(whole(value)), value).toBe(true);
    }
  });
});
