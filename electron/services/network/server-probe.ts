import { API } from '../../../shared/api/auth';
import type { ServerLink } from '../../../shared/contract/network';

/**
 * Times the central server's health endpoint, so the status bar can say how the network is doing
 * from a measured fact rather than a guess. One small GET every PING_EVERY_MS while someone is
 * signed in (a floor of 1,000 consoles adds about 70 requests a second, each a `SELECT 1`), and one
 * at once when sync notices the server went away or came back.
 */

export const PING_EVERY_MS = 15_000;
/** Longer than this and the server counts as unreachable: nobody works over a link that slow. */
export const PING_TIMEOUT_MS = 5_000;
/** Round trips kept; the median of them is reported, so one slow ping (a GC pause) does not flip the bar. */
const SAMPLES = 3;

export interface ServerProbeOptions {
  serverUrl: string;
  onChange(link: ServerLink): void;
  intervalMs?: number;
  timeoutMs?: number;
  /** Injected for tests. */
  fetch?: typeof fetch;
  clock?: () => number;
}

export const UNMEASURED: ServerLink = { reachable: false, roundTripMs: null, measuredAt: null };

export class ServerProbe {
  private link: ServerLink = UNMEASURED;
  private samples: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<ServerLink> | null = null;
  private running = false;
  private readonly url: string;
  private readonly fetchImpl: typeof fetch;
  private readonly clock: () => number;

  constructor(private readonly opts: ServerProbeOptions) {
    this.url = `${opts.serverUrl.replace(/\/+$/, '')}${API.health}`;
    this.fetchImpl = opts.fetch ?? fetch;
    this.clock = opts.clock ?? (() => performance.now());
  }

  current(): ServerLink {
    return this.link;
  }

  /** Pings now and then every interval, until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.pingNow();
    this.timer = setInterval(() => void this.pingNow(), this.opts.intervalMs ?? PING_EVERY_MS);
    this.timer.unref();
  }

  /** Stops pinging and forgets the figures (the next person's link is measured afresh). */
  stop(): void {
    this.running = false;
    clearInterval(this.timer);
    this.timer = undefined;
    this.samples = [];
    this.link = UNMEASURED;
  }

  /** One ping, unless one is already on its way (then its answer). */
  pingNow(): Promise<ServerLink> {
    if (!this.running) return Promise.resolve(this.link);
    this.inFlight ??= this.ping().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async ping(): Promise<ServerLink> {
    const started = this.clock();
    let answered: boolean;
    try {
      const response = await this.fetchImpl(this.url, {
        method: 'GET',
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? PING_TIMEOUT_MS),
        redirect: 'error',
        cache: 'no-store',
      });
      // The body is part of the round trip, and reading it frees the connection for the next ping.
      await response.arrayBuffer();
      answered = true;
    } catch {
      answered = false;
    }
    const elapsed = Math.max(0, Math.round(this.clock() - started));
    if (!this.running) return this.link;
    if (answered) {
      this.samples = [...this.samples, elapsed].slice(-SAMPLES);
    } else {
      this.samples = [];
    }
    const next: ServerLink = {
      reachable: answered,
      roundTripMs: answered ? median(this.samples) : null,
      measuredAt: new Date().toISOString(),
    };
    const changed = next.reachable !== this.link.reachable || next.roundTripMs !== this.link.roundTripMs || this.link.measuredAt === null;
    this.link = next;
    if (changed) this.opts.onChange(next);
    return next;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
