import { API_SYNC, MAX_PULL_LIMIT } from '../../../shared/api/sync';
import { ContractFailure } from '../../../shared/contract/core';
import { ndjsonLines, NdjsonError } from './ndjson-lines';
import { parsePullLine } from './pull-frames';
import { networkFailure, statusFailure } from './sync-http';

/**
 * One pull request's frames: GET with the cursor, the NDJSON stream split into lines, each line
 * read as a frame (pull-frames.ts), with an idle timeout; failures leave as ContractFailures. The
 * pull loop (pull-loop.ts) decides what the frames mean.
 */

export type PulledFrame =
  | { type: 'start'; remaining: number; line: number }
  | { type: 'batch'; rows: readonly unknown[]; cursor: string; line: number }
  | { type: 'end'; cursor: string | null; more: boolean; line: number };

export interface StreamOptions {
  serverUrl: string;
  token: string;
  /** Rows per request; the stream ends with `more` when the server has further rows. */
  limit?: number;
  /** Gives up on a stream that stays silent this long (the server hung or the network died). */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

// Each request costs a pause on both sides (the server's first page, the client's last batch), so
// a first load asks for as much as the server gives per request.
const DEFAULT_LIMIT = MAX_PULL_LIMIT;
const DEFAULT_IDLE_MS = 30_000;

export const idleTimeoutOf = (opts: StreamOptions): number => opts.idleTimeoutMs ?? DEFAULT_IDLE_MS;

export async function* readFrames(cursor: string | null, opts: StreamOptions): AsyncGenerator<PulledFrame> {
  const idleMs = idleTimeoutOf(opts);
  const url = new URL(API_SYNC.pull, opts.serverUrl);
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
    try {
      for await (const line of ndjsonLines(idle.watch(response.body))) {
        yield { ...parsePullLine(line.text, line.number), line: line.number };
      }
    } catch (error) {
      // Only the stream's own failures land here: a consumer that stops early ends this generator
      // through return(), which cancels the body.
      if (error instanceof ContractFailure) throw error;
      throw networkFailure(error, opts.serverUrl, idleMs);
    }
  } finally {
    idle.stop();
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
