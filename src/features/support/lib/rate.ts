/** A sample of progress: bytes sent by then (ms). */
type Sample = { at: number; sent: number };

const WINDOW_MS = 5000;

/**
 * Speed over the last few seconds, so the estimate follows the network as it changes; time left
 * follows from it. Null until two samples are far enough apart to say anything.
 */
export class RateMeter {
  private samples: Sample[] = [];

  add(sent: number, at = Date.now()) {
    // A resume can restart from an earlier offset: the old samples no longer describe the transfer.
    if (this.samples.length > 0 && sent < this.samples[this.samples.length - 1]!.sent) this.samples = [];
    this.samples.push({ at, sent });
    while (this.samples.length > 2 && at - this.samples[0]!.at > WINDOW_MS) this.samples.shift();
  }

  reset() {
    this.samples = [];
  }

  /** Bytes a second. */
  speed(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at - first.at < 250) return null;
    return ((last.sent - first.sent) * 1000) / (last.at - first.at);
  }

  /** Seconds left for `remaining` bytes at the current speed. */
  secondsLeft(remaining: number): number | null {
    const speed = this.speed();
    return speed && speed > 0 ? Math.ceil(remaining / speed) : null;
  }
}
