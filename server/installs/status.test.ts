import { describe, expect, it } from 'vitest';
import { attemptStatus } from './status';
import { rollUpStatus } from '../instances/status';

const t0 = new Date('2026-11-22T10:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const base = { discardedAt: null, failedAt: null, installationCompletedAt: null, lastProgressAt: t0 };

describe('attemptStatus', () => {
  it('is in progress until the stall window passes without a checkpoint, then stalled', () => {
    expect(attemptStatus(base, minutes(30))).toBe('in_progress');
    expect(attemptStatus(base, minutes(31))).toBe('stalled');
    expect(attemptStatus({ ...base, lastProgressAt: minutes(29) }, minutes(31))).toBe('in_progress');
    expect(attemptStatus(base, minutes(6), 5 * 60_000)).toBe('stalled');
  });

  it('is failed after a reported failure, and succeeded when a later run completes', () => {
    expect(attemptStatus({ ...base, failedAt: minutes(2) }, minutes(3))).toBe('failed');
    expect(attemptStatus({ ...base, failedAt: minutes(2) }, minutes(300))).toBe('failed');
    expect(attemptStatus({ ...base, failedAt: minutes(2), installationCompletedAt: minutes(9) }, minutes(10))).toBe(
      'succeeded',
    );
    expect(attemptStatus({ ...base, installationCompletedAt: minutes(1) }, minutes(999))).toBe('succeeded');
  });

  it('is discarded once discarded, whatever else happened', () => {
    expect(attemptStatus({ ...base, installationCompletedAt: minutes(1), discardedAt: minutes(2) }, minutes(3))).toBe(
      'discarded',
    );
  });
});

describe('rollUpStatus', () => {
  it('takes the worst resource state, and ready when nothing is watched', () => {
    expect(rollUpStatus([])).toBe('ready');
    expect(rollUpStatus([{ state: 'ready' }, { state: 'updating' }])).toBe('updating');
    expect(rollUpStatus([{ state: 'degraded' }, { state: 'missing' }, { state: 'ready' }])).toBe('missing');
    expect(rollUpStatus([{ state: 'ready' }, { state: 'unavailable' }, { state: 'degraded' }])).toBe('unavailable');
  });
});
