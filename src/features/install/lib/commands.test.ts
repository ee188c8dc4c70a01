import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../lib/shell';
import { installSteps, type CommandInput } from './commands';

const base = {
  version: '1.4.0',
  appSlug: 'atlas',
  channelSlug: 'stable',
  portalUrl: 'https://portal.atlas.example',
  email: 'alice@acme.example',
  secret: 'portico_sa_secret',
} satisfies Partial<CommandInput>;

/** The same commands carrying the team's license ID instead of the attempt's token (decision 008). */
const licenseId = '2kLp9QvX7mRt4Acme';
const withLicense = { ...base, secret: licenseId };

const commands = (input: CommandInput) => installSteps(input).map((s) => [s.id, ...s.commands]);

describe('installSteps', () => {
  it('renders the Embedded Cluster online commands against the portal', () => {
    expect(commands({ ...base, method: 'embedded', options: { network: 'online' } })).toEqual([
      [
        'download',
        "curl -f https://portal.atlas.example/embedded/atlas/stable/1.4.0 -H 'Authorization: portico_sa_secret' -o atlas-stable.tgz",
      ],
      ['extract', 'tar -xvzf atlas-stable.tgz'],
      ['install', 'sudo ./atlas install --license license.yaml'],
    ]);
  });

  it('adds the air gap bundle, or the proxy, when the network needs it', () => {
    const airgap = commands({ ...base, method: 'embedded', options: { network: 'airgap' } });
    expect(airgap[0]![1]).toContain("curl -f 'https://portal.atlas.example/embedded/atlas/stable/1.4.0?airgap=true' ");
    expect(airgap[2]![1]).toBe('sudo ./atlas install --license license.yaml --airgap-bundle atlas.airgap');
    const proxy = commands({
      ...base,
      method: 'embedded',
      options: { network: 'proxy', proxyUrl: 'http://proxy:3128' },
    });
    expect(proxy[0]![1]).toMatch(/-o atlas-stable\.tgz --proxy http:\/\/proxy:3128$/);
    expect(proxy[2]![1]).toBe('sudo ./atlas install --license license.yaml --https-proxy=http://proxy:3128');
  });

  it('renders Helm online: registry login, preflight, install from the portal registry', () => {
    const options = { network: 'online', kubernetesDistribution: 'eks', registryAccess: 'online' } as const;
    expect(commands({ ...base, method: 'helm', options })).toEqual([
      ['login', 'helm registry login portal.atlas.example --username alice@acme.example --password portico_sa_secret'],
      [
        'preflight',
        'helm template oci://portal.atlas.example/atlas/stable/atlas --version 1.4.0 | kubectl preflight -',
      ],
      ['install_chart', 'helm install atlas oci://portal.atlas.example/atlas/stable/atlas --version 1.4.0'],
    ]);
  });

  it('renders Helm air gap with image relocation to the registry the user types', () => {
    const options = { network: 'airgap', kubernetesDistribution: 'vanilla', registryAccess: 'offline' } as const;
    const images = [{ repository: 'atlas-api', tag: '1.4.0' }];
    const steps = commands({ ...base, method: 'helm', options, images, registryUri: 'registry.acme.internal/atlas/' });
    expect(steps.find((s) => s[0] === 'images')).toEqual([
      'images',
      'docker pull portal.atlas.example/atlas/stable/atlas-api:1.4.0',
      'docker tag portal.atlas.example/atlas/stable/atlas-api:1.4.0 registry.acme.internal/atlas/atlas-api:1.4.0',
      'docker push registry.acme.internal/atlas/atlas-api:1.4.0',
    ]);
    expect(steps.at(-1)![1]).toContain('--set replicated.isAirgap=true');
    const placeholder = commands({ ...base, method: 'helm', options, images });
    expect(placeholder.find((s) => s[0] === 'images')![2]).toBe(
      "docker tag portal.atlas.example/atlas/stable/atlas-api:1.4.0 '<your.registry.com>/atlas-api:1.4.0'",
    );
  });

  it('keeps the port of the portal host, and tells helm about plain HTTP', () => {
    const options = { network: 'online', kubernetesDistribution: 'vanilla', registryAccess: 'online' } as const;
    const steps = commands({ ...base, portalUrl: 'http://127.0.0.1:8080', method: 'helm', options });
    expect(steps).toEqual([
      [
        'login',
        'helm registry login 127.0.0.1:8080 --insecure --username alice@acme.example --password portico_sa_secret',
      ],
      [
        'preflight',
        'helm template oci://127.0.0.1:8080/atlas/stable/atlas --version 1.4.0 --plain-http | kubectl preflight -',
      ],
      ['install_chart', 'helm install atlas oci://127.0.0.1:8080/atlas/stable/atlas --version 1.4.0 --plain-http'],
    ]);
  });
});

describe('installSteps with the license ID', () => {
  const helmOnline = { network: 'online', kubernetesDistribution: 'eks', registryAccess: 'online' } as const;
  const helmAirgap = { network: 'airgap', kubernetesDistribution: 'vanilla', registryAccess: 'offline' } as const;

  it('puts it where the token goes in the Embedded Cluster download, online, proxy and air gap', () => {
    const download = (options: CommandInput['options']) => commands({ ...withLicense, method: 'embedded', options })[0];
    expect(download({ network: 'online' })).toEqual([
      'download',
      "curl -f https://portal.atlas.example/embedded/atlas/stable/1.4.0 -H 'Authorization: 2kLp9QvX7mRt4Acme' -o atlas-stable.tgz",
    ]);
    expect(download({ network: 'proxy', proxyUrl: 'http://proxy:3128' })).toEqual([
      'download',
      "curl -f https://portal.atlas.example/embedded/atlas/stable/1.4.0 -H 'Authorization: 2kLp9QvX7mRt4Acme' -o atlas-stable.tgz --proxy http://proxy:3128",
    ]);
    expect(download({ network: 'airgap' })).toEqual([
      'download',
      "curl -f 'https://portal.atlas.example/embedded/atlas/stable/1.4.0?airgap=true' -H 'Authorization: 2kLp9QvX7mRt4Acme' -o atlas-stable.tgz",
    ]);
  });

  it('changes nothing but the credential', () => {
    for (const [method, options] of [
      ['embedded', { network: 'online' }],
      ['embedded', { network: 'airgap' }],
      ['helm', helmOnline],
      ['helm', helmAirgap],
    ] as const) {
      const token = JSON.stringify(commands({ ...base, method, options }));
      expect(JSON.stringify(commands({ ...withLicense, method, options }))).toBe(
        token.replaceAll('portico_sa_secret', licenseId),
      );
    }
  });

  it('is the password of the Helm registry login, online and air gap', () => {
    expect(commands({ ...withLicense, method: 'helm', options: helmOnline })[0]).toEqual([
      'login',
      'helm registry login portal.atlas.example --username alice@acme.example --password 2kLp9QvX7mRt4Acme',
    ]);
    const airgap = commands({ ...withLicense, method: 'helm', options: helmAirgap, images: [] });
    expect(airgap.find((s) => s[0] === 'login')).toEqual([
      'login',
      'docker login portal.atlas.example --username alice@acme.example --password 2kLp9QvX7mRt4Acme',
      'helm registry login portal.atlas.example --username alice@acme.example --password 2kLp9QvX7mRt4Acme',
    ]);
  });

  it('is quoted when it holds characters a shell treats specially', () => {
    // License IDs are [A-Za-z0-9_-] (licenseIdSchema), but every value is quoted all the same (issue 6).
    const odd = "lic 'x' $(id)";
    const embedded = commands({ ...base, secret: odd, method: 'embedded', options: { network: 'online' } });
    expect(embedded[0]![1]).toContain(`-H 'Authorization: lic '\\''x'\\'' $(id)' -o`);
    const helm = commands({ ...base, secret: odd, method: 'helm', options: helmOnline });
    expect(helm[0]![1]).toMatch(/ --password 'lic '\\''x'\\'' \$\(id\)'$/);
    const { words, created } = runInBash(
      installSteps({ ...base, secret: odd, method: 'helm', options: helmAirgap }).flatMap((s) => s.commands),
    );
    expect(created).toEqual([]);
    expect(words.filter((w) => w === odd)).toHaveLength(2);
  });
});

describe('maskSecret', () => {
  it('hides every occurrence of the token', () => {
    expect(maskSecret('a portico_sa_secret b portico_sa_secret', 'portico_sa_secret')).toBe(
      'a •••••••••••• b ••••••••••••',
    );
  });

  it('hides a secret also where quoting changed it', () => {
    const odd = "qz'x";
    const [download] = installSteps({ ...base, secret: odd, method: 'embedded', options: { network: 'online' } });
    const [login] = installSteps({
      ...base,
      secret: odd,
      method: 'helm',
      options: { network: 'online', kubernetesDistribution: 'eks', registryAccess: 'online' },
    });
    for (const command of [...download!.commands, ...login!.commands]) {
      expect(maskSecret(command, odd)).not.toContain('qz');
      expect(maskSecret(command, odd)).toContain('••••••••••••');
    }
  });
});

/**
 * Runs each command in bash, in an empty folder, with the tools it calls replaced by functions
 * that print their arguments: what the customer's shell would run, without running it.
 */
function runInBash(commands: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'portico-commands-'));
  try {
    const stubs = ['curl', 'tar', 'sudo', 'helm', 'kubectl', 'docker']
      .map((tool) => `${tool}() { printf '%s\\0' ${tool} "$@"; }`)
      .join('\n');
    const script = `${stubs}\n${commands.join('\n')}\nprintf 'HTTPS_PROXY=%s\\0' "\${HTTPS_PROXY-}"`;
    const { stdout, stderr } = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
      cwd: dir,
      encoding: 'utf8',
      env: {},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { words: stdout.split('\0'), stderr, created: readdirSync(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('values in the commands', () => {
  it('keep a stored hostile proxy URL one argument, and run nothing of it', () => {
    // As stored before the contract refused it (issue 6): PATCH /api/installs/:id took any string.
    const proxyUrl = 'http://proxy.example:3128/ ;touch pwned;';
    const options = { network: 'proxy', proxyUrl } as const;
    const embedded = runInBash(installSteps({ ...base, method: 'embedded', options }).flatMap((s) => s.commands));
    expect(embedded.created).toEqual([]);
    expect(embedded.words).toContain(proxyUrl);
    expect(embedded.words).toContain(`--https-proxy=${proxyUrl}`);
    expect(embedded.words.slice(embedded.words.indexOf('--proxy') + 1)[0]).toBe(proxyUrl);

    const helmOptions = { ...options, kubernetesDistribution: 'vanilla', registryAccess: 'online' } as const;
    const helm = runInBash(installSteps({ ...base, method: 'helm', options: helmOptions }).flatMap((s) => s.commands));
    expect(helm.created).toEqual([]);
    expect(helm.words).toContain(`HTTPS_PROXY=${proxyUrl}`);
  });

  it('keep every value from a user, the catalogue or the database whole, whatever it holds', () => {
    const hostile = (name: string) => `${name} '"; touch pwned-${name}; $(touch x) \`touch y\`\n&& touch z #`;
    const input = {
      appSlug: hostile('app'),
      channelSlug: hostile('channel'),
      version: hostile('version'),
      portalUrl: 'https://portal.atlas.example',
      email: hostile('email'),
      secret: hostile('secret'),
      registryUri: hostile('registry'),
      images: [{ repository: hostile('repository'), tag: hostile('tag') }],
    };
    const cases: CommandInput[] = [
      { ...input, method: 'embedded', options: { network: 'online' } },
      { ...input, method: 'embedded', options: { network: 'airgap' } },
      { ...input, method: 'embedded', options: { network: 'proxy', proxyUrl: hostile('proxy') } },
      {
        ...input,
        method: 'helm',
        options: {
          network: 'proxy',
          proxyUrl: hostile('proxy'),
          kubernetesDistribution: 'eks',
          registryAccess: 'online',
        },
      },
      {
        ...input,
        method: 'helm',
        options: { network: 'airgap', kubernetesDistribution: 'eks', registryAccess: 'offline' },
      },
    ];
    for (const command of cases) {
      const { words, created, stderr } = runInBash(installSteps(command).flatMap((s) => s.commands));
      expect(created, stderr).toEqual([]);
      const values = [input.appSlug, input.channelSlug, input.version, input.secret];
      if (command.method === 'helm') values.push(input.email);
      if (command.method === 'helm' && command.options.network === 'airgap')
        values.push(input.registryUri, input.images[0]!.repository, input.images[0]!.tag);
      if (command.options.proxyUrl) values.push(command.options.proxyUrl);
      // A value inside a URL path is also percent-encoded there.
      const whole = (value: string) => (word: string) =>
        word.includes(value) || word.includes(encodeURIComponent(value));
      for (const value of values) expect(words.some(whole(value)), value).toBe(true);
    }
  });
});
