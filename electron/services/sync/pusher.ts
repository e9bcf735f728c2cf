import { MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS, PushEnvelope, type PushResult } from '../../../shared/api/sync';
import { ContractFailure } from '../../../shared/contract/core';
import type { OutboxEntry } from '../../../shared/domain/outbox';
import type { CustomerCache } from '../cache/customer-cache';
import type { HostLogger } from '../host-log';
import { Backoff, type BackoffOptions } from './backoff';
import { toFailureData, type FailureData } from './sync-http';

/**
 * Drains the outbox to the server, oldest first, in batches. Each entry's id is its idempotency
 * key, so posting a batch twice (a timeout after the server committed) changes nothing.
 *
 * - applied / duplicate: the entry leaves the outbox.
 * - rejected: kept and marked with the server's reason, shown to the agent, never sent again.
 * - network error, timeout, 5xx, an answer that does not parse, an entry the answer left out:
 *   the entry stays, the attempt is counted, and the pusher retries on its own timer with
 *   exponential backoff — the agent does not have to write something new for it to go.
 * - the whole request refused as invalid: the batch is retried one entry at a time, so one bad
 *   entry is rejected with the server's reason and does not hold back the others.
 */

export type OutboxPort = Pick<CustomerCache, 'pendingOutbox' | 'ackOutbox' | 'rejectOutbox' | 'recordOutboxFailure'>;

export interface PushReport {
  /** Entries that left the outbox (applied or duplicate) in this drain. */
  acked: number;
  rejected: number;
  /** Set when the drain stopped on a failure; a retry is scheduled unless it was UNAUTHENTICATED. */
  failure: FailureData | null;
  /** When the next retry runs, if one is scheduled. */
  retryInMs: number | null;
}

export interface PusherOptions {
  outbox: OutboxPort;
  /** Posts the batch with the signed-in person's token; throws a ContractFailure on failure. */
  send(mutations: PushEnvelope[]): Promise<PushResult[]>;
  /** Largest request body to build (the server refuses bigger ones). */
  maxBytes?: number;
  batchSize?: number;
  backoff?: BackoffOptions;
  /** After every drain, whatever happened; the sync client updates the status from it. */
  onDrained?(report: PushReport): void;
  log: HostLogger;
}

export class Pusher {
  private readonly backoff: Backoff;
  private readonly batchSize: number;
  private running: Promise<PushReport> | null = null;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** After a refused request: send this many next entries one by one to find the bad one. */
  private isolate = 0;

  constructor(private readonly opts: PusherOptions) {
    this.backoff = new Backoff(opts.backoff);
    this.batchSize = Math.max(1, Math.min(MAX_PUSH_MUTATIONS, opts.batchSize ?? 100));
  }

  /** Something was written, or the server is back: drain now (a running drain goes round again). */
  kick(): Promise<PushReport> {
    if (this.closed) return Promise.resolve(idle());
    if (this.running) {
      this.again = true;
      return this.running;
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.running = this.drainRepeatedly().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Failures in a row; the retry delay grows with it. */
  get failures(): number {
    return this.backoff.attempts;
  }

  /** A retry is scheduled (the last drain failed). */
  get waiting(): boolean {
    return this.retryTimer !== undefined;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async drainRepeatedly(): Promise<PushReport> {
    let report: PushReport;
    try {
      do {
        this.again = false;
        report = await this.drain();
      } while (this.again && !this.closed && report.failure === null);
    } catch (error) {
      // The cache itself failed (closed at sign-out mid-post, disk full): the entries stay in the
      // outbox, and the server's idempotency makes the eventual re-post harmless.
      this.opts.log.warn({ err: error }, 'outbox drain stopped');
      report = { ...idle(), failure: toFailureData(error) };
    }
    this.opts.onDrained?.(report);
    return report;
  }

  private async drain(): Promise<PushReport> {
    const report: PushReport = { acked: 0, rejected: 0, failure: null, retryInMs: null };
    while (!this.closed) {
      const entries = this.opts.outbox.pendingOutbox(this.isolate > 0 ? 1 : this.batchSize);
      if (entries.length === 0) {
        this.backoff.reset();
        return report;
      }
      const mutations = this.fitting(this.readable(entries, report));
      if (mutations.length === 0) continue;

      let results: PushResult[];
      try {
        results = await this.opts.send(mutations);
      } catch (error) {
        if (error instanceof ContractFailure && error.code === 'INVALID_INPUT') {
          if (mutations.length > 1) {
            this.isolate = mutations.length;
            continue;
          }
          // One entry the server refuses as a request: it will never be accepted as it is.
          if (this.opts.outbox.rejectOutbox(mutations[0]!.id, error.message)) report.rejected += 1;
          this.isolate = Math.max(0, this.isolate - 1);
          continue;
        }
        return this.failed(mutations, error, report);
      }

      const byId = new Map(results.map((r) => [r.id, r]));
      const acked: string[] = [];
      const unanswered: PushEnvelope[] = [];
      for (const m of mutations) {
        const result = byId.get(m.id);
        if (!result) unanswered.push(m);
        else if (result.status === 'rejected') {
          if (this.opts.outbox.rejectOutbox(m.id, result.reason)) report.rejected += 1;
        } else acked.push(m.id);
      }
      if (acked.length > 0) report.acked += this.opts.outbox.ackOutbox(acked);
      if (this.isolate > 0) this.isolate = Math.max(0, this.isolate - mutations.length);
      if (unanswered.length > 0) {
        return this.failed(unanswered, new ContractFailure('UNAVAILABLE', 'The Kalma server did not answer for every upload.'), report);
      }
      this.backoff.reset();
    }
    return report;
  }

  /**
   * Entries as the server takes them. Their content is the server's to judge (it answers
   * `rejected` with a reason); only an entry that cannot even be put in an envelope stops here.
   */
  private readable(entries: OutboxEntry[], report: PushReport): PushEnvelope[] {
    const out: PushEnvelope[] = [];
    for (const entry of entries) {
      const parsed = PushEnvelope.safeParse({ id: entry.id, kind: entry.kind, payload: entry.payload });
      if (parsed.success) out.push(parsed.data);
      else {
        const why = parsed.error.issues[0]?.message ?? 'unreadable';
        if (this.opts.outbox.rejectOutbox(entry.id, `This console cannot send this write (${why}).`)) report.rejected += 1;
      }
    }
    return out;
  }

  /** The oldest entries whose request body stays under the server's limit (at least one). */
  private fitting(mutations: PushEnvelope[]): PushEnvelope[] {
    const limit = this.opts.maxBytes ?? MAX_PUSH_BYTES;
    let bytes = Buffer.byteLength('{"mutations":[]}');
    for (let i = 0; i < mutations.length; i += 1) {
      bytes += Buffer.byteLength(JSON.stringify(mutations[i])) + (i > 0 ? 1 : 0);
      if (bytes > limit) return mutations.slice(0, Math.max(1, i));
    }
    return mutations;
  }

  private failed(mutations: PushEnvelope[], error: unknown, report: PushReport): PushReport {
    const failure = toFailureData(error);
    this.opts.outbox.recordOutboxFailure(mutations.map((m) => m.id), failure.message);
    report.failure = failure;
    // Without a session there is no one to send for; the next sign-in starts a new pusher.
    if (failure.code === 'UNAUTHENTICATED' || this.closed) return report;
    const delay = this.backoff.next();
    report.retryInMs = delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.kick();
    }, delay);
    this.retryTimer.unref();
    this.opts.log.info({ failure: failure.code, retryInMs: delay, entries: mutations.length }, 'upload failed; will retry');
    return report;
  }
}

const idle = (): PushReport => ({ acked: 0, rejected: 0, failure: null, retryInMs: null });
