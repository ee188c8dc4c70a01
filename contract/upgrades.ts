import type { Release } from './catalogue';

/**
 * What an instance can upgrade to on the team's channel (issue 8, product reference §1.7 and §2.7).
 * The SPA's badges and picker and the BFF's list both call these, so the rules cannot drift
 * (decision 007). A channel orders its releases by sequence; a required release must be installed
 * before any release after it.
 */
export type ChannelRelease = Pick<Release, 'version' | 'sequence' | 'required'>;

/** Clients report `v1.2.0` as often as `1.2.0`; the channel's labels have no `v`. */
const normalise = (label: string) => label.trim().replace(/^v(?=\d)/, '');

/** The channel's release an instance's version label names, if any. */
export function findRelease<R extends ChannelRelease>(releases: readonly R[], label: string | null | undefined) {
  if (!label) return undefined;
  const wanted = normalise(label);
  return releases.find((release) => normalise(release.version) === wanted);
}

const bySequence = <R extends ChannelRelease>(releases: readonly R[]) =>
  [...releases].sort((a, b) => a.sequence - b.sequence);

/** Releases after the current one, oldest first; null when the current version is not on the channel. */
export function newerReleases<R extends ChannelRelease>(releases: readonly R[], current: string | null | undefined) {
  const found = findRelease(releases, current);
  if (!found) return null;
  return bySequence(releases).filter((release) => release.sequence > found.sequence);
}

/** How many releases on the channel are newer than the instance's; null when its version is unknown. */
export function versionsBehind(releases: readonly ChannelRelease[], current: string | null | undefined) {
  return newerReleases(releases, current)?.length ?? null;
}

/** "Update available": a newer release exists on the team's channel. */
export const updateAvailable = (releases: readonly ChannelRelease[], current: string | null | undefined) =>
  (versionsBehind(releases, current) ?? 0) > 0;

export type UpgradePathError = 'unknown_current' | 'unknown_target' | 'not_newer';

export type UpgradePath<R extends ChannelRelease = ChannelRelease> =
  { ok: true; path: R[] } | { ok: false; reason: UpgradePathError };

/**
 * The releases to install, in order, to go from `current` to `target`: every required release
 * strictly between them, then the target itself.
 */
export function upgradePath<R extends ChannelRelease>(
  releases: readonly R[],
  current: string | null | undefined,
  target: string,
): UpgradePath<R> {
  const newer = newerReleases(releases, current);
  if (!newer) return { ok: false, reason: 'unknown_current' };
  const to = findRelease(releases, target);
  if (!to) return { ok: false, reason: 'unknown_target' };
  if (!newer.includes(to)) return { ok: false, reason: 'not_newer' };
  return { ok: true, path: [...newer.filter((r) => r.required && r.sequence < to.sequence), to] };
}

/**
 * The version the picker offers first: the first required release in the way of the newest, so
 * the customer cannot skip it by accident (`requiredFirst`), else the newest. Null when there is
 * nothing to upgrade to.
 */
export function suggestedTarget<R extends ChannelRelease>(releases: readonly R[], current: string | null | undefined) {
  const newer = newerReleases(releases, current);
  const newest = newer?.at(-1);
  if (!newer || !newest) return null;
  const required = newer.find((r) => r.required && r !== newest);
  return required ? { release: required, requiredFirst: true } : { release: newest, requiredFirst: false };
}
