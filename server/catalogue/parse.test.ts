import { describe, expect, it } from 'vitest';
import { demoCatalogueText } from './demo';
import { CatalogueError, parseCatalogue } from './parse';

/** The 1-based line of the first line of text that contains needle. */
function lineWith(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}

function parseError(text: string): CatalogueError {
  try {
    parseCatalogue(text, 'portico.yaml');
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('the catalogue parsed without an error');
}

const minimal = `app:
  slug: atlas
  name: Atlas Analytics
branding:
  title: Atlas Portal
channels:
  - slug: stable
    name: Stable
    releases:
      - version: 1.0.0
        sequence: 1
        date: 2026-03-02
customers:
  - name: Acme Corp
    channel: stable
    license:
      id: 2kLp9QvX7mRt4Acme
      type: paid
      install_types: [helm]
`;

describe('parseCatalogue on the demo catalogue', () => {
  const catalogue = parseCatalogue(demoCatalogueText, 'portico.yaml');

  it('reads the app', () => {
    expect(catalogue.app).toEqual({ slug: 'atlas', name: 'Atlas Analytics', airgap_report_cadence_days: 35 });
  });

  it('reads the stable and beta channels with their releases', () => {
    expect(catalogue.channels.map((c) => [c.slug, c.name])).toEqual([
      ['stable', 'Stable'],
      ['beta', 'Beta'],
    ]);
    const [stable, beta] = catalogue.channels;
    expect(stable!.releases.map((r) => [r.version, r.sequence, r.required])).toEqual([
      ['1.0.0', 1, false],
      ['1.1.0', 2, false],
      ['1.2.0', 3, true],
      ['1.3.0', 4, false],
      ['1.4.0', 5, false],
    ]);
    expect(stable!.releases[0]!.date).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(stable!.releases[0]!.notes).toContain('First generally available release of **Atlas Analytics**.');
    expect(beta!.releases.map((r) => [r.version, r.sequence, r.required])).toEqual([['1.5.0-beta.1', 1, false]]);
  });

  it('reads the three customers with their licenses and teams', () => {
    const summary = catalogue.customers.map((c) => ({
      name: c.name,
      channel: c.channel,
      type: c.license.type,
      expiresAfterDays: c.license.expires_after_days,
      installTypes: c.license.install_types,
      team: c.team,
    }));
    expect(summary).toEqual([
      {
        name: 'Acme Corp',
        channel: 'stable',
        type: 'paid',
        expiresAfterDays: 365,
        installTypes: ['helm', 'embedded', 'helm_airgap', 'airgap'],
        team: [
          { email: 'alice@acme.example', role: 'admin' },
          { email: 'bob@acme.example', role: 'member' },
        ],
      },
      {
        name: 'Globex',
        channel: 'stable',
        type: 'trial',
        expiresAfterDays: 10,
        installTypes: ['embedded'],
        team: [{ email: 'carol@globex.example', role: 'admin' }],
      },
      {
        name: 'Initech',
        channel: 'beta',
        type: 'paid',
        expiresAfterDays: undefined,
        installTypes: ['airgap', 'helm_airgap'],
        team: [{ email: 'dave@initech.example', role: 'admin' }],
      },
    ]);
  });

  it('accepts the minimal catalogue the malformed cases start from', () => {
    expect(parseCatalogue(minimal, 'portico.yaml').customers[0]!.name).toBe('Acme Corp');
  });

  it('reads the air-gap report cadence, 35 days unless the vendor says otherwise', () => {
    expect(parseCatalogue(minimal, 'portico.yaml').app.airgap_report_cadence_days).toBe(35);
    const text = minimal.replace(
      '  name: Atlas Analytics\n',
      '  name: Atlas Analytics\n  airgap_report_cadence_days: 14\n',
    );
    expect(parseCatalogue(text, 'portico.yaml').app.airgap_report_cadence_days).toBe(14);
  });

  it("reads a team's language, none unless the vendor gives one", () => {
    expect(parseCatalogue(minimal, 'portico.yaml').customers[0]!.locale).toBeUndefined();
    const text = minimal.replace('    channel: stable\n', '    channel: stable\n    locale: de\n');
    expect(parseCatalogue(text, 'portico.yaml').customers[0]!.locale).toBe('de');
  });
});

describe('parseCatalogue on a malformed file', () => {
  it('reports a YAML syntax error with its line', () => {
    const error = parseError(minimal.replace('  name: Atlas Analytics', '  name: Atlas: Analytics'));
    expect(error).toMatchObject({
      file: 'portico.yaml',
      line: 3,
      field: null,
      reason: 'Nested mappings are not allowed in compact mappings',
    });
    expect(error.message).toBe('portico.yaml:3: Nested mappings are not allowed in compact mappings');
  });

  it('reports an invalid license type with its field and line', () => {
    const text = demoCatalogueText.replace('type: paid', 'type: gold');
    const error = parseError(text);
    expect(error).toMatchObject({
      file: 'portico.yaml',
      line: lineWith(text, 'type: gold'),
      field: 'customers[0].license.type',
    });
    expect(error.reason).toContain('"paid"|"trial"|"dev"|"community"');
    expect(error.message).toBe(`portico.yaml:${error.line}: customers[0].license.type: ${error.reason}`);
  });

  it.each(['0', '-3', '1.5', 'weekly'])('refuses an air-gap report cadence of %s days, with its line', (days) => {
    const text = minimal.replace(
      '  name: Atlas Analytics\n',
      `  name: Atlas Analytics\n  airgap_report_cadence_days: ${days}\n`,
    );
    const error = parseError(text);
    expect(error).toMatchObject({ line: 4, field: 'app.airgap_report_cadence_days' });
  });

  it('refuses a team language Portico does not speak, with its line', () => {
    const text = minimal.replace('    channel: stable\n', '    channel: stable\n    locale: fr\n');
    const error = parseError(text);
    expect(error).toMatchObject({ line: lineWith(text, 'locale: fr'), field: 'customers[0].locale' });
    expect(error.reason).toContain('"en"|"de"');
  });

  it('points a missing required key at its parent', () => {
    const error = parseError(minimal.replace('      type: paid\n', ''));
    expect(error).toMatchObject({ line: 16, field: 'customers[0].license.type' });
  });

  it('points a missing key of a top-level section at that section', () => {
    const error = parseError(minimal.replace('  name: Atlas Analytics\n', ''));
    expect(error).toMatchObject({ line: 1, field: 'app.name' });
  });

  it('refuses a customer on an undeclared channel', () => {
    const error = parseError(minimal.replace('    channel: stable', '    channel: nightly'));
    expect(error).toMatchObject({
      line: 15,
      field: 'customers[0].channel',
      reason: 'no channel "nightly" is declared under channels',
    });
  });

  it('refuses a release sequence used twice on one channel', () => {
    const text = minimal.replace(
      '        date: 2026-03-02\n',
      '        date: 2026-03-02\n      - version: 1.1.0\n        sequence: 1\n        date: 2026-04-14\n',
    );
    const error = parseError(text);
    expect(error).toMatchObject({
      line: 14,
      field: 'channels[0].releases[1].sequence',
      reason: 'sequence 1 is used twice on channel stable',
    });
  });

  it('refuses a license id or a team member declared twice', () => {
    const twice = demoCatalogueText.replace('id: 8hWq3ZnB5yGlobex', 'id: 2kLp9QvX7mRt4Acme');
    const license = parseError(twice);
    expect(license.field).toBe('customers[1].license.id');
    expect(license.reason).toBe('license id "2kLp9QvX7mRt4Acme" is declared twice');
    const globexLine = lineWith(twice, 'name: Globex');
    const secondId = lineWith(twice.split('\n').slice(globexLine).join('\n'), 'id: 2kLp9QvX7mRt4Acme');
    expect(license.line).toBe(globexLine + secondId);

    const member = parseError(demoCatalogueText.replace('bob@acme.example', 'alice@acme.example'));
    expect(member.field).toBe('customers[0].team[1].email');
    expect(member.reason).toBe('team member "alice@acme.example" is declared twice');
  });

  it('refuses an unknown key and points at it', () => {
    const error = parseError(minimal.replace('    channel: stable', '    channel: stable\n    colour: red'));
    expect(error).toMatchObject({ line: 16, field: 'customers[0].colour', reason: 'Unrecognized key: "colour"' });
  });

  it('refuses an unknown top-level key and points at it', () => {
    const error = parseError(`${minimal}vendor: Atlas Inc\n`);
    expect(error).toMatchObject({ line: 20, field: 'vendor', reason: 'Unrecognized key: "vendor"' });
    expect(error.message).toBe('portico.yaml:20: vendor: Unrecognized key: "vendor"');
  });

  it('refuses an empty file without a line', () => {
    const error = parseError('');
    expect(error).toMatchObject({ file: 'portico.yaml', line: null, field: null });
  });
});
