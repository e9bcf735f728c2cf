/**
 * Exponential backoff with jitter for retries against the central server. After an outage a
 * whole floor reconnects at once; the jitter spreads those retries out so the server that just
 * came back is not knocked over again.
 */
export interface BackoffOptions {
  /** First delay, in milliseconds. */
  baseMs?: number;
  /** The delay never grows past this. */
  maxMs?: number;
  /** 0..1: how much of each delay is random (0.5: between half and all of it). */
  jitter?: number;
  random?: () => number;
}

export class Backoff {
  private failures = 0;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(opts: BackoffOptions = {}) {
    this.baseMs = opts.baseMs ?? 1_000;
    this.maxMs = Math.max(opts.maxMs ?? 60_000, this.baseMs);
    this.jitter = Math.min(1, Math.max(0, opts.jitter ?? 0.5));
    this.random = opts.random ?? Math.random;
  }

  /** The wait before the next attempt; each call counts one more failure. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return Math.round(ceiling * (1 - this.jitter * this.random()));
  }

  /** Failures in a row so far. */
  get attempts(): number {
    return this.failures;
  }

  /** A success: the next failure starts from the base delay again. */
  reset(): void {
    this.failures = 0;
  }
}
