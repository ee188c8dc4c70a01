import { describe, expect, it } from 'vitest';
import type { InstanceStatus } from '../../contract/installs';
import { uptimeOf, type UptimeInput } from './uptime';

const H = 3_600_000;
const DAY = 24 * H;
const now = new Date('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const change = (at: Date, from: InstanceStatus | null, to: InstanceStatus) => ({ at, from, to });

const input = (over: Partial<UptimeInput>): UptimeInput => ({
  now,
  firstCheckInAt: ago(20 * DAY),
  lastCheckInAt: ago(60_000),
  status: 'ready',
  statusChanges: [],
  gaps: [],
  ...over,
});

const totals = (days: { up: number; down: number; noData: number }[]) =>
  days.reduce((t, d) => ({ up: t.up + d.up, down: t.down + d.down, noData: t.noData + d.noData }), {
    up: 0,
    down: 0,
    noData: 0,
  });

describe('uptime over the last 14 days', () => {
  it('has 14 UTC days ending today, today counted up to now', () => {
    const { days, ratio } = uptimeOf(input({}));
    expect(days).toHaveLength(14);
    expect(days[0]!.date).toBe('2026-11-09');
    expect(days[13]).toEqual({ date: '2026-11-22', up: 12 * H, down: 0, noData: 0 });
    expect(days[0]).toEqual({ date: '2026-11-09', up: DAY, down: 0, noData: 0 });
    expect(ratio).toBe(1);
  });

  it('counts ready, updating and degraded as up, missing and unavailable as down', () => {
    const { days, ratio } = uptimeOf(
      input({
        status: 'missing',
        statusChanges: [
          change(new Date('2026-11-22T01:00:00Z'), 'ready', 'degraded'),
          change(new Date('2026-11-22T02:00:00Z'), 'degraded', 'updating'),
          change(new Date('2026-11-22T03:00:00Z'), 'updating', 'unavailable'),
          change(new Date('2026-11-22T06:00:00Z'), 'unavailable', 'missing'),
        ],
      }),
    );
    expect(days[13]).toEqual({ date: '2026-11-22', up: 3 * H, down: 9 * H, noData: 0 });
    expect(ratio).toBeCloseTo((13 * DAY + 3 * H) / (13 * DAY + 12 * H));
  });

  it('knows the status before the first change it still has from that change', () => {
    const { days } = uptimeOf(
      input({ status: 'ready', statusChanges: [change(new Date('2026-11-22T06:00:00Z'), 'unavailable', 'ready')] }),
    );
    expect(days[12]).toMatchObject({ up: 0, down: DAY });
    expect(days[13]).toMatchObject({ up: 6 * H, down: 6 * H });
  });

  it('shows a silence longer than the threshold as no data, not down, and a shorter one as the status held', () => {
    const { days, ratio } = uptimeOf(
      input({
        status: 'unavailable',
        statusChanges: [change(ago(10 * DAY), 'ready', 'unavailable')],
        gaps: [
          { since: new Date('2026-11-15T00:00:00Z'), at: new Date('2026-11-17T00:00:00Z') },
          { since: new Date('2026-11-19T00:00:00Z'), at: new Date('2026-11-19T20:00:00Z') },
        ],
      }),
    );
    expect(days.find((d) => d.date === '2026-11-15')).toEqual({ date: '2026-11-15', up: 0, down: 0, noData: DAY });
    expect(days.find((d) => d.date === '2026-11-16')!.noData).toBe(DAY);
    expect(days.find((d) => d.date === '2026-11-17')!.down).toBe(DAY);
    expect(days.find((d) => d.date === '2026-11-19')!.down).toBe(DAY);
    expect(ratio).toBeCloseTo((3 * DAY + 12 * H) / (11 * DAY + 12 * H));
  });

  it('has no data before the first check-in, nor after the last once the threshold has passed', () => {
    const { days, ratio } = uptimeOf(
      input({ firstCheckInAt: ago(5 * DAY), lastCheckInAt: ago(3 * DAY), status: 'ready' }),
    );
    const sum = totals(days);
    expect(sum.up).toBe(2 * DAY);
    expect(sum.down).toBe(0);
    expect(sum.noData).toBe(13 * DAY + 12 * H - 2 * DAY);
    expect(ratio).toBe(1);
  });

  it('counts the time since the last check-in while it is within the threshold', () => {
    const { days } = uptimeOf(input({ firstCheckInAt: ago(30 * H), lastCheckInAt: ago(20 * H), status: 'missing' }));
    expect(totals(days)).toEqual({ up: 0, down: 30 * H, noData: 13 * DAY + 12 * H - 30 * H });
  });

  it('answers a ratio of 0 when down throughout, and null with no data at all', () => {
    expect(uptimeOf(input({ status: 'unavailable' })).ratio).toBe(0);
    const never = uptimeOf(input({ firstCheckInAt: null, lastCheckInAt: null }));
    expect(never.ratio).toBeNull();
    expect(totals(never.days)).toEqual({ up: 0, down: 0, noData: 13 * DAY + 12 * H });
    // Checked in, but never said how it is.
    expect(uptimeOf(input({ status: null })).ratio).toBeNull();
  });
});
