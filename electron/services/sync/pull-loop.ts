import { API_SYNC } from '../../../shared/api/sync';
import { ContractFailure } from '../../../shared/contract/core';
import { ndjsonLines, NdjsonError } from './ndjson-lines';
import { parsePullLine } from './pull-frames';
import { networkFailure, statusFailure } from './sync-http';

/**
 * One pull: asks the server for the changes after the cache's cursor, reads the NDJSON stream
 * line by line and hands each batch to the cache, which writes its rows and the batch's cursor in
 * one transaction. Loops while the server says `more`. The cursor is read from the cache before
 * every request, so a pull that dies anywhere (server killed, network cut, host killed) resumes
 * from the last batch that was committed — never from one that was only received.
 */

export interface PullTarget {
  /** The committed cursor: where the next request starts. */
  cursor(): string | null;
  /**
   * Writes a batch and its cursor in one transaction, or holds it to commit with the batches that
   * follow (pull-batch-group.ts) — never a batch without its cursor.
   */
  applyBatch(rows: readonly unknown[], cursor: string): Applied | Promise<Applied>;
  /** Commits the batches held back; called when a stream ends or breaks off. */
  flush?(): Applied;
  markCaughtUp(): string;
}

export interface Applied {
  customersTouched: string[];
  /** Rows committed by this call; when absent, the whole batch was. */
  rows?: number;
}

export type PullEvent =
  | { type: 'start'; remaining: number }
  | { type: 'batch'; rows: number; customersTouched: string[] };

export interface PullRequestOptions {
  serverUrl: string;
  token: string;
  /** Rows per request; the stream ends with `more` when the server has further rows. */
  limit?: number;
  /** Gives up on a stream that stays silent this long (the server hung or the network died). */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export interface PullOutcome {
  rows: number;
  requests: number;
  /** Set when the pull reached the end of the feed. */
  caughtUpAt: string;
}

const DEFAULT_LIMIT = 50_000;
const DEFAULT_IDLE_MS = 30_000;

export async function pullChanges(
  target: PullTarget,
  opts: PullRequestOptions,
  onEvent: (event: PullEvent) => void = () => {},
): Promise<PullOutcome> {
  let rows = 0;
  for (let requests = 1; ; requests += 1) {
    const { more, rowsRead } = await pullOnce(target, opts, onEvent);
    rows += rowsRead;
    if (!more) return { rows, requests, caughtUpAt: target.markCaughtUp() };
    opts.signal?.throwIfAborted();
  }
}

async function pullOnce(
  target: PullTarget,
  opts: PullRequestOptions,
  onEvent: (event: PullEvent) => void,
): Promise<{ more: boolean; rowsRead: number }> {
  const idleMs = opts.idleTimeoutMs ?? DEFAULT_IDLE_MS;
  const url = new URL(API_SYNC.pull, opts.serverUrl);
  const cursor = target.cursor();
  if (cursor !== null) url.searchParams.set('cursor', cursor);
  url.searchParams.set('limit', String(opts.limit ?? DEFAULT_LIMIT));

  const idle = new IdleTimer(idleMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, idle.signal]) : idle.signal;
  try {
    let response: Response;
    try {
      response = await (opts.fetch ?? fetch)(url, {
        headers: { authorization: `Bearer ${opts.token}`, accept: 'application/x-ndjson' },
        signal,
        redirect: 'error',
      });
    } catch (error) {
      throw networkFailure(error, opts.serverUrl, idleMs);
    }
    if (!response.ok) throw await statusFailure(response);
    if (!response.body) throw new NdjsonError(1, 'empty response');

    let started = false;
    let ended: { more: boolean; cursor: string | null } | null = null;
    let rowsRead = 0;
    const report = (applied: Applied, batchRows: number) => {
      const rows = applied.rows ?? batchRows;
      if (rows > 0 || applied.customersTouched.length > 0) onEvent({ type: 'batch', rows, customersTouched: applied.customersTouched });
    };
    try {
      for await (const line of ndjsonLines(idle.watch(response.body))) {
        const frame = parsePullLine(line.text, line.number);
        if (ended) throw new NdjsonError(line.number, 'a line after the end frame');
        if (frame.type === 'start') {
          if (started) throw new NdjsonError(line.number, 'a second start frame');
          started = true;
          onEvent({ type: 'start', remaining: frame.remaining });
        } else if (!started) {
          throw new NdjsonError(line.number, `a ${frame.type} frame before the start frame`);
        } else if (frame.type === 'batch') {
          report(await target.applyBatch(frame.rows, frame.cursor), frame.rows.length);
          rowsRead += frame.rows.length;
        } else {
          ended = { more: frame.more, cursor: frame.cursor };
        }
      }
    } catch (error) {
      // Whole batches received before the break are kept: the next pull starts after them.
      flushQuietly(target, report);
      if (error instanceof ContractFailure) throw error;
      throw networkFailure(error, opts.serverUrl, idleMs);
    }
    if (target.flush) report(target.flush(), 0);
    // A stream cut before its end frame is not a finished pull, whatever it delivered so far.
    if (!ended) throw new ContractFailure('UNAVAILABLE', 'The sync stream from the Kalma server broke off; it resumes from the last saved batch.');
    // The end cursor may lie past the last batch (rows this person may not see were skipped);
    // storing it is safe only now that every batch before it has been committed.
    if (ended.cursor !== null && ended.cursor !== target.cursor()) {
      await target.applyBatch([], ended.cursor);
      target.flush?.();
    }
    return { more: ended.more, rowsRead };
  } finally {
    idle.stop();
  }
}

/** Commits what a broken pull had received; a failure here (the cache closing) must not hide the pull's own. */
function flushQuietly(target: PullTarget, report: (applied: Applied, batchRows: number) => void): void {
  try {
    if (target.flush) report(target.flush(), 0);
  } catch {
    // The batches stay unwritten and their cursor with them: the next pull fetches them again.
  }
}

/** Aborts when no bytes arrived for `ms`; every chunk read restarts the clock. */
class IdleTimer {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout;

  constructor(private readonly ms: number) {
    this.timer = this.arm();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  async *watch(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of body) {
      this.stop();
      yield chunk;
      this.timer = this.arm();
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(): NodeJS.Timeout {
    const timer = setTimeout(() => this.controller.abort(new DOMException('sync stream idle', 'TimeoutError')), this.ms);
    timer.unref();
    return timer;
  }
}
