import { describe, expect, it } from 'vitest';
import { demoCatalogueText } from '../server/catalogue/demo';
import { parseCatalogue } from '../server/catalogue/parse';
import { suggestedTarget, updateAvailable, upgradePath, versionsBehind, type ChannelRelease } from './upgrades';

/** The demo catalogue's Stable channel: 1.0.0 … 1.4.0, with 1.2.0 required. */
const stable = parseCatalogue(demoCatalogueText, 'portico.yaml').channels.find((c) => c.slug === 'stable')!.releases;

/** Out of order on purpose, with two required releases: the rules order by sequence. */
const chain: ChannelRelease[] = [
  { version: '2.0.0', sequence: 6, required: false },
  { version: '1.0.0', sequence: 1, required: false },
  { version: '1.1.0', sequence: 2, required: true },
  { version: '1.5.0', sequence: 5, required: true },
  { version: '1.2.0', sequence: 3, required: false },
  { version: '1.3.0', sequence: 4, required: false },
];
const versions = (path: ChannelRelease[]) => path.map((r) => r.version);

describe('the demo catalogue', () => {
  it('has 1.2.0 required on Stable, which these rules rely on', () => {
    expect(stable.filter((r) => r.required).map((r) => r.version)).toEqual(['1.2.0']);
  });
});

describe('versionsBehind and updateAvailable', () => {
  it('counts the releases with a higher sequence', () => {
    expect(versionsBehind(stable, '1.1.0')).toBe(3);
    expect(versionsBehind(stable, '1.0.0')).toBe(4);
    expect(versionsBehind(chain, '1.2.0')).toBe(3);
    expect(updateAvailable(stable, '1.1.0')).toBe(true);
  });

  it('is zero on the newest release: up to date', () => {
    expect(versionsBehind(stable, '1.4.0')).toBe(0);
    expect(updateAvailable(stable, '1.4.0')).toBe(false);
  });

  it('reads a leading v as the clients send it', () => {
    expect(versionsBehind(stable, 'v1.3.0')).toBe(1);
  });

  it('is unknown for a version not on the channel, or none', () => {
    for (const label of ['9.9.9', '1.5.0-beta.1', '', null, undefined]) {
      expect(versionsBehind(stable, label)).toBeNull();
      expect(updateAvailable(stable, label)).toBe(false);
    }
  });
});

describe('upgradePath', () => {
  it('goes from 1.1.0 to 1.4.0 through the required 1.2.0', () => {
    const result = upgradePath(stable, '1.1.0', '1.4.0');
    expect(result.ok && versions(result.path)).toEqual(['1.2.0', '1.4.0']);
  });

  it('goes straight to a target with no required release in between', () => {
    const fromRequired = upgradePath(stable, '1.2.0', '1.4.0');
    expect(fromRequired.ok && versions(fromRequired.path)).toEqual(['1.4.0']);
    const toRequired = upgradePath(stable, '1.1.0', '1.2.0');
    expect(toRequired.ok && versions(toRequired.path)).toEqual(['1.2.0']);
  });

  it('chains every required release in order, whatever order the list is in', () => {
    const result = upgradePath(chain, '1.0.0', '2.0.0');
    expect(result.ok && versions(result.path)).toEqual(['1.1.0', '1.5.0', '2.0.0']);
    const partway = upgradePath(chain, '1.0.0', '1.3.0');
    expect(partway.ok && versions(partway.path)).toEqual(['1.1.0', '1.3.0']);
  });

  it('refuses a target at or below the current version, or unknown versions', () => {
    expect(upgradePath(stable, '1.3.0', '1.3.0')).toEqual({ ok: false, reason: 'not_newer' });
    expect(upgradePath(stable, '1.3.0', '1.1.0')).toEqual({ ok: false, reason: 'not_newer' });
    expect(upgradePath(stable, '1.3.0', '7.0.0')).toEqual({ ok: false, reason: 'unknown_target' });
    expect(upgradePath(stable, '0.9.0', '1.4.0')).toEqual({ ok: false, reason: 'unknown_current' });
  });
});

describe('suggestedTarget', () => {
  it('offers the required release in the way first', () => {
    expect(suggestedTarget(stable, '1.1.0')).toMatchObject({ release: { version: '1.2.0' }, requiredFirst: true });
    expect(suggestedTarget(chain, '1.2.0')).toMatchObject({ release: { version: '1.5.0' }, requiredFirst: true });
  });

  it('offers the newest when nothing is in the way, even when the newest is required', () => {
    expect(suggestedTarget(stable, '1.2.0')).toMatchObject({ release: { version: '1.4.0' }, requiredFirst: false });
    expect(suggestedTarget(chain, '1.5.0')).toMatchObject({ release: { version: '2.0.0' }, requiredFirst: false });
    expect(suggestedTarget(chain.slice(1), '1.3.0')).toMatchObject({ release: { version: '1.5.0' } });
  });

  it('offers nothing when up to date or when the version is unknown', () => {
    expect(suggestedTarget(stable, '1.4.0')).toBeNull();
    expect(suggestedTarget(stable, 'nope')).toBeNull();
  });
});
