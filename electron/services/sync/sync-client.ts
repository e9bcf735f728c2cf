import type { LiveClientFrame } from '../../../shared/api/presence';
import type { PushEnvelope, PushResult } from '../../../shared/api/sync';
import type { CustomersChanged } from '../../../shared/contract/customers';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { CustomerCache } from '../cache/customer-cache';
import type { HostLogger } from '../host-log';
import { Backoff, type BackoffOptions } from './backoff';
import { LiveLink } from './live-link';
import type { PullEvent } from './pull-loop';
import { InProcessPullRunner, startPullRunner, type PullRunner } from './pull-runner';
import { postMutations } from './push-client';
import { Pusher, type PushReport } from './pusher';
import { SyncProgress } from './sync-progress';
import { toFailureData, type FailureData } from './sync-http';

/**
 * Keeps one signed-in person's cache in step with the central server: pulls (in a worker when it
 * can), drains the outbox, listens for pokes, and reports where things stand. Every network
 * failure is retried on a timer of its own; nothing waits for the agent to do something first.
 */

/** Runs a request with the signed-in person's token (SessionService.withToken). */
export interface TokenSource {
  withToken<T>(request: (token: string) => Promise<T>): Promise<T>;
}

export interface SyncTuning {
  /** Rows per pull request (the stream then says `more`). */
  pullLimit?: number;
  idleTimeoutMs?: number;
  pushBatch?: number;
  pushTimeoutMs?: number;
  pullBackoff?: BackoffOptions;
  pushBackoff?: BackoffOptions;
  liveBackoff?: BackoffOptions;
  heartbeatMs?: number;
  /** While the live link is down, pull this often anyway. */
  pollMs?: number;
  /** false: pull on the main thread (tests of the in-process path). */
  worker?: boolean;
  /** Rows and time per first-load transaction in the worker (default 50,000 rows / 2 s). */
  loadGroup?: { rows: number; ms: number };
}

export interface SyncClientOptions {
  cache: CustomerCache;
  cacheFile: string;
  region: string;
  serverUrl: string;
  session: TokenSource;
  log: HostLogger;
  onStatus(status: SyncStatus): void;
  onCustomersChanged(change: CustomersChanged): void;
  tuning?: SyncTuning;
}

/** What the live link heard: it (re)connected, the server committed something, an agent's presence changed. */
export type LiveEvent = 'connected' | 'changed' | 'presence';

const CHANGED_FLUSH_MS = 150;
/** How long closing waits for a pull to stop (a worker gets 3 s to exit before it is terminated). */
const CLOSE_WAIT_MS = 5_000;
const MAX_CHANGED_IDS = 500;

export class SyncClient {
  private runner: PullRunner | null = null;
  private readonly pusher: Pusher;
  private readonly live: LiveLink;
  private readonly pullBackoff: Backoff;
  private readonly progress: SyncProgress;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private pullRetry: NodeJS.Timeout | undefined;
  private readonly poll: NodeJS.Timeout;
  private online = false;
  /** When the observation behind `online` was made: a late answer to an older request cannot overrule a newer failure. */
  private onlineSince = 0;
  private lastSendStartedAt = 0;
  private workerUnavailable = false;
  private pullProblem: FailureData | null = null;
  private pushProblem: FailureData | null = null;
  private liveProblem: FailureData | null = null;
  private lastEmitted = '';
  private changed = new Set<string>();
  private changedAll = false;
  private changedTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly liveListeners = new Set<(event: LiveEvent) => void>();

  constructor(private readonly opts: SyncClientOptions) {
    const tuning = opts.tuning ?? {};
    this.pullBackoff = new Backoff({ baseMs: 1_000, maxMs: 30_000, ...tuning.pullBackoff });
    this.progress = new SyncProgress(opts.cache);
    this.pusher = new Pusher({
      outbox: opts.cache,
      send: (mutations) => this.send(mutations),
      batchSize: tuning.pushBatch,
      backoff: tuning.pushBackoff,
      onDrained: (report) => this.afterPush(report),
      log: opts.log,
    });
    this.live = new LiveLink({
      serverUrl: opts.serverUrl,
      token: () => opts.session.withToken(async (token) => token),
      onConnected: () => {
        this.liveProblem = null;
        this.setOnline(true);
        // Whatever happened while the link was down: fetch it, and send what queued up.
        this.requestPull();
        void this.pusher.kick();
        this.tellLive('connected');
      },
      onChanged: () => {
        this.requestPull();
        this.tellLive('changed');
      },
      onPresence: () => this.tellLive('presence'),
      onDisconnected: (why) => {
        this.liveProblem = { code: 'UNAVAILABLE', message: `Live updates: ${why}.` };
        this.setOnline(false);
      },
      // A pull with the same token hears the 401 too, and ends the session through withToken.
      onUnauthorized: () => this.requestPull(),
      backoff: tuning.liveBackoff,
      heartbeatMs: tuning.heartbeatMs,
      log: opts.log,
    });
    this.poll = setInterval(() => {
      if (!this.live.isConnected) this.requestPull();
    }, tuning.pollMs ?? 60_000);
    this.poll.unref();
  }

  /** Starts pulling, pushing and listening. */
  start(): void {
    this.requestPull();
    void this.pusher.kick();
    this.live.start();
    this.emitStatus();
  }

  status(): SyncStatus {
    const counts = this.opts.cache.outboxCounts();
    return {
      online: this.online,
      lastSyncedAt: this.opts.cache.caughtUpAt(),
      pending: counts.pending,
      rejected: counts.rejected,
      initialLoad: this.progress.snapshot(),
      problem: this.pushProblem ?? this.pullProblem ?? (this.online ? null : this.liveProblem),
    };
  }

  /** The agent wrote something: send it now (or queue it behind a running upload). */
  afterLocalWrite(): void {
    this.emitStatus();
    void this.pusher.kick();
  }

  /** The agent asked to try again now. */
  retryNow(): void {
    this.pullBackoff.reset();
    this.live.reconnectNow();
    this.requestPull();
    void this.pusher.kick();
  }

  /** Pull soon; a pull already running goes round once more when it ends. */
  requestPull(): void {
    if (this.closed) return;
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    clearTimeout(this.pullRetry);
    this.pullRetry = undefined;
    this.pulling = this.pullWhileAsked().finally(() => {
      this.pulling = null;
    });
  }

  /** Settles when the current pull (if any) and any pull it asked for are done. For tests. */
  async settled(): Promise<void> {
    while (this.pulling) await this.pulling;
  }

  /** Sends a frame up the live link (presence); false while it is down. */
  sendLive(frame: LiveClientFrame): boolean {
    return this.live.send(frame);
  }

  /** Hears what the live link hears (presence, the wallboard); answers the unsubscribe. */
  onLive(listener: (event: LiveEvent) => void): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  private tellLive(event: LiveEvent): void {
    for (const listener of this.liveListeners) {
      try {
        listener(event);
      } catch (error) {
        this.opts.log.error({ err: error, event }, 'live listener failed');
      }
    }
  }

  /** The live link is open (pokes arrive). */
  get liveConnected(): boolean {
    return this.live.isConnected;
  }

  get pullMode(): PullRunner['mode'] | null {
    return this.runner?.mode ?? null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.pullRetry);
    clearTimeout(this.changedTimer);
    clearInterval(this.poll);
    this.live.close();
    this.pusher.close();
    // Closing (sign-out, quitting the app) must not wait on the network: a pull that does not stop
    // in time is left to fail on its own, and the cache closes anyway (the server keeps its rows).
    let runnerStopped = false;
    let pullStopped = false;
    const stopped = Promise.all([
      (this.runner?.close() ?? Promise.resolve()).then(() => (runnerStopped = true)),
      (this.pulling ?? Promise.resolve()).catch(() => {}).then(() => (pullStopped = true)),
    ]);
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([
      stopped.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), CLOSE_WAIT_MS);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (late) this.opts.log.warn({ runner: this.runner?.mode ?? null, runnerStopped, pullStopped }, 'sync did not stop in time; closing without it');
  }

  private async pullWhileAsked(): Promise<void> {
    do {
      this.pullAgain = false;
      if (!(await this.pullOnce())) return;
    } while (this.pullAgain && !this.closed);
  }

  private async pullOnce(): Promise<boolean> {
    const tuning = this.opts.tuning ?? {};
    const startedAt = Date.now();
    try {
      const runner = await this.ensureRunner();
      this.progress.begin();
      const options = { serverUrl: this.opts.serverUrl, limit: tuning.pullLimit, idleTimeoutMs: tuning.idleTimeoutMs, loadGroup: tuning.loadGroup };
      await this.opts.session.withToken((token) => runner.pull(token, options, (event) => this.onPullEvent(event)));
      this.progress.caughtUp();
      this.pullBackoff.reset();
      this.pullProblem = null;
      this.setOnline(true, startedAt);
      // The server answers again: anything still queued goes now, not at the end of its backoff.
      if (this.opts.cache.outboxCounts().pending > 0) void this.pusher.kick();
      return true;
    } catch (error) {
      if (this.closed) return false;
      this.pullProblem = toFailureData(error);
      if (this.pullProblem.code === 'UNAVAILABLE') this.setOnline(false);
      this.opts.log.info({ failure: this.pullProblem.code, message: this.pullProblem.message }, 'pull failed');
      // Without a session the service closes this client; otherwise try again later.
      if (this.pullProblem.code !== 'UNAUTHENTICATED') {
        this.pullRetry = setTimeout(() => this.requestPull(), this.pullBackoff.next());
        this.pullRetry.unref();
      }
      this.emitStatus();
      return false;
    }
  }

  /**
   * The first load (up to a million rows) runs in a worker; once the cache has caught up, the
   * pulls that follow are a few rows each, and the main thread takes them in slices — no worker
   * (and its memory) kept alive for them.
   */
  private async ensureRunner(): Promise<PullRunner> {
    const { cache, cacheFile, region, log, tuning } = this.opts;
    const wantWorker = tuning?.worker !== false && !this.workerUnavailable && cache.caughtUpAt() === null;
    const current = this.runner;
    if (current?.usable && (current.mode === 'worker') === wantWorker) return current;
    await current?.close();
    let next: PullRunner = new InProcessPullRunner(cache);
    if (wantWorker) {
      next = await startPullRunner(cache, cacheFile, region, log);
      // A build without the worker file: stop asking, pull in slices on this thread.
      if (next.mode !== 'worker') this.workerUnavailable = true;
    }
    this.runner = next;
    if (this.closed) await next.close();
    return next;
  }

  private onPullEvent(event: PullEvent): void {
    if (event.type === 'start') this.progress.started(event.remaining);
    else {
      this.progress.applied(event.rows);
      this.queueChanged(event.customersTouched);
    }
    this.emitStatus();
  }

  private async send(mutations: PushEnvelope[]): Promise<PushResult[]> {
    const { serverUrl, tuning } = this.opts;
    const startedAt = Date.now();
    const results = await this.opts.session.withToken((token) => postMutations(serverUrl, token, mutations, { timeoutMs: tuning?.pushTimeoutMs }));
    this.lastSendStartedAt = startedAt;
    return results;
  }

  private afterPush(report: PushReport): void {
    if (this.closed) return;
    this.pushProblem = report.failure;
    if (report.failure?.code === 'UNAVAILABLE') this.setOnline(false);
    else if (report.failure === null && report.acked + report.rejected > 0) this.setOnline(true, this.lastSendStartedAt);
    // The server now holds these writes with its own versions; pulling them back clears the marks.
    if (report.acked > 0) this.requestPull();
    this.emitStatus();
  }

  /**
   * `observedAt`: when the request that tells us started. A pull begun before the server went
   * away may still complete afterwards; its success says nothing about now.
   */
  private setOnline(online: boolean, observedAt = Date.now()): void {
    if (observedAt < this.onlineSince) return;
    this.onlineSince = observedAt;
    if (this.online === online) return;
    this.online = online;
    this.opts.log.info({ online }, online ? 'central server reachable' : 'central server unreachable');
    this.emitStatus();
  }

  private emitStatus(): void {
    if (this.closed) return;
    try {
      const status = this.status();
      const text = JSON.stringify(status);
      if (text === this.lastEmitted) return;
      this.lastEmitted = text;
      this.opts.onStatus(status);
    } catch (error) {
      this.opts.log.warn({ err: error }, 'sync status not sent');
    }
  }

  /** Batches "these customers changed" so a fast load sends a few events, not thousands. */
  private queueChanged(ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const id of ids) {
      if (this.changedAll) break;
      this.changed.add(id);
      if (this.changed.size > MAX_CHANGED_IDS) this.changedAll = true;
    }
    this.changedTimer ??= setTimeout(() => {
      this.changedTimer = undefined;
      const change = this.changedAll ? { customerIds: [], all: true } : { customerIds: [...this.changed], all: false };
      this.changed = new Set();
      this.changedAll = false;
      if (this.closed) return;
      try {
        this.opts.onCustomersChanged(change);
      } catch (error) {
        this.opts.log.warn({ err: error }, 'customer change not sent');
      }
    }, CHANGED_FLUSH_MS);
  }
}
