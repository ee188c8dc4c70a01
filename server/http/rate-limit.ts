/**
 * Fixed-window counters kept in memory. Enough for one BFF process; replicas behind a load
 * balancer each limit on their own, which still bounds abuse per replica.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else null. */
  hit(key: string, now: number): number | null {
    const current = this.windows.get(key);
    if (!current || now - current.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return null;
    }
    current.count++;
    if (current.count <= this.limit) return null;
    return Math.ceil((current.start + this.windowMs - now) / 1000);
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
