import type { InstanceStatus } from '../../contract/installs';
import type { Uptime, UptimeDay } from '../../contract/instance-details';
import { INACTIVE_AFTER_MS } from './activity';

export const UPTIME_DAYS = 14;
const DAY_MS = 86_400_000;

const UP: ReadonlySet<InstanceStatus> = new Set(['ready', 'updating', 'degraded']);

export type UptimeInput = {
  now: Date;
  firstCheckInAt: Date | null;
  lastCheckInAt: Date | null;
  /** The status the instance holds now: what it held all along when no change is known. */
  status: InstanceStatus | null;
  /** Status changes, in any order; `from` is what the instance held before. */
  statusChanges: { at: Date; from: InstanceStatus | null; to: InstanceStatus | null }[];
  /** Check-ins that came after a silence: nothing was heard from `since` until `at`. */
  gaps: { since: Date; at: Date }[];
};

/** The first instant of the day `now` falls in, `days - 1` days back, in UTC. */
export const uptimeWindowStart = (now: Date, days = UPTIME_DAYS) =>
  new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);

/**
 * Per UTC day of the last 14, how long the instance was up, down, or unheard of. Ready, updating
 * and degraded count as up; missing and unavailable as down. Before the first check-in, during a
 * silence longer than the inactivity threshold, after the last check-in once that threshold has
 * passed, and while no status is known, there is no data: not down. Today counts up to `now`.
 */
export function uptimeOf(input: UptimeInput, days = UPTIME_DAYS): Uptime {
  const now = input.now.getTime();
  const start = uptimeWindowStart(input.now, days).getTime();
  const heard = heardIntervals(input, now);
  const changes = [...input.statusChanges].sort((a, b) => a.at.getTime() - b.at.getTime());
  const statusAt = (t: number): InstanceStatus | null => {
    let status: InstanceStatus | null | undefined;
    for (const change of changes) {
      if (change.at.getTime() > t) return status === undefined ? change.from : status;
      status = change.to;
    }
    return status === undefined ? input.status : status;
  };

  const cuts = new Set<number>([start, now]);
  for (let d = 1; d < days; d++) cuts.add(start + d * DAY_MS);
  for (const change of changes) cuts.add(change.at.getTime());
  for (const [from, to] of heard) cuts.add(from).add(to);
  const points = [...cuts].filter((t) => t >= start && t <= now).sort((a, b) => a - b);

  const result: UptimeDay[] = Array.from({ length: days }, (_, d) => ({
    date: new Date(start + d * DAY_MS).toISOString().slice(0, 10),
    up: 0,
    down: 0,
    noData: 0,
  }));
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const length = points[i + 1]! - from;
    const day = result[Math.floor((from - start) / DAY_MS)]!;
    const status = heard.some(([a, b]) => a <= from && from < b) ? statusAt(from) : null;
    if (status === null) day.noData += length;
    else if (UP.has(status)) day.up += length;
    else day.down += length;
  }
  const up = result.reduce((sum, d) => sum + d.up, 0);
  const down = result.reduce((sum, d) => sum + d.down, 0);
  return { days: result, ratio: up + down === 0 ? null : up / (up + down) };
}

/** When the instance was being heard from: from the first check-in to the last (or now), less the silences. */
function heardIntervals(input: UptimeInput, now: number): [number, number][] {
  if (!input.firstCheckInAt || !input.lastCheckInAt) return [];
  const last = input.lastCheckInAt.getTime();
  const end = now - last > INACTIVE_AFTER_MS ? last : now;
  const silences = input.gaps
    .map((g) => [g.since.getTime(), g.at.getTime()] as const)
    .filter(([since, at]) => at - since > INACTIVE_AFTER_MS)
    .sort((a, b) => a[0] - b[0]);
  const intervals: [number, number][] = [];
  let from = input.firstCheckInAt.getTime();
  for (const [since, at] of silences) {
    if (since > from) intervals.push([from, Math.min(since, end)]);
    from = Math.max(from, at);
  }
  if (end > from) intervals.push([from, end]);
  return intervals.filter(([a, b]) => b > a);
}
