import { ContractFailure } from '../../../shared/contract/core';
import { NdjsonError } from './ndjson-lines';
import { idleTimeoutOf, readFrames, type StreamOptions } from './pull-stream';
import { networkFailure } from './sync-http';

/**
 * One pull: asks the server for the changes after the cache's cursor, reads the stream's frames
 * (pull-stream.ts) and hands each batch to the cache, which writes its rows and the batch's cursor in
 * one transaction. Loops while the server says `more`. The cursor is read from the cache before
 * every request, so a pull that dies anywhere (server killed, network cut, host killed) resumes
 * from the last batch that was committed — never from one that was only received.
 *
 * A target that holds batches back (pull-batch-group.ts) keeps holding them across the requests of
 * one pull: its cursor already counts them (its own connection reads its open transaction), so the
 * next request starts after them, and they commit with what follows — or, if anything breaks, the
 * whole batches received are committed before the pull gives up. A request's end is then not a
 * stop: the console's load does not wait for a commit between two requests.
 */

export interface PullTarget {
  /** Where the next request starts: the committed cursor, or the last one a target holds back. */
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

export type PullRequestOptions = StreamOptions;

export interface PullOutcome {
  rows: number;
  requests: number;
  /** Set when the pull reached the end of the feed. */
  caughtUpAt: string;
}

export async function pullChanges(
  target: PullTarget,
  opts: PullRequestOptions,
  onEvent: (event: PullEvent) => void = () => {},
): Promise<PullOutcome> {
  let rows = 0;
  try {
    for (let requests = 1; ; requests += 1) {
      const { more, rowsRead } = await pullOnce(target, opts, onEvent);
      rows += rowsRead;
      if (!more) return { rows, requests, caughtUpAt: target.markCaughtUp() };
      opts.signal?.throwIfAborted();
    }
  } catch (error) {
    // Batches held from an earlier request of this pull (a later request failed to start).
    flushQuietly(target, reporter(onEvent));
    throw error;
  }
}

function reporter(onEvent: (event: PullEvent) => void): (applied: Applied, batchRows: number) => void {
  return (applied, batchRows) => {
    const rows = applied.rows ?? batchRows;
    if (rows > 0 || applied.customersTouched.length > 0) onEvent({ type: 'batch', rows, customersTouched: applied.customersTouched });
  };
}

async function pullOnce(
  target: PullTarget,
  opts: PullRequestOptions,
  onEvent: (event: PullEvent) => void,
): Promise<{ more: boolean; rowsRead: number }> {
  const frames = readFrames(target.cursor(), opts);
  let started = false;
  let ended: { more: boolean; cursor: string | null } | null = null;
  let rowsRead = 0;
  const report = reporter(onEvent);
  try {
    for await (const frame of frames) {
      if (ended) throw new NdjsonError(frame.line, 'a line after the end frame');
      if (frame.type === 'start') {
        if (started) throw new NdjsonError(frame.line, 'a second start frame');
        started = true;
        onEvent({ type: 'start', remaining: frame.remaining });
      } else if (!started) {
        throw new NdjsonError(frame.line, `a ${frame.type} frame before the start frame`);
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
    throw networkFailure(error, opts.serverUrl, idleTimeoutOf(opts));
  }
  // A stream cut before its end frame is not a finished pull, whatever it delivered so far.
  if (!ended) {
    if (target.flush) report(target.flush(), 0);
    throw new ContractFailure('UNAVAILABLE', 'The sync stream from the Kalma server broke off; it resumes from the last saved batch.');
  }
  // The end cursor may lie past the last batch (rows this person may not see were skipped); it
  // is stored like a batch's, after every batch before it.
  if (ended.cursor !== null && ended.cursor !== target.cursor()) report(await target.applyBatch([], ended.cursor), 0);
  // With more to come the held batches go on into the next request; at the end they commit.
  if (!ended.more && target.flush) report(target.flush(), 0);
  return { more: ended.more, rowsRead };
}

/** Commits what a broken pull had received; a failure here (the cache closing) must not hide the pull's own. */
function flushQuietly(target: PullTarget, report: (applied: Applied, batchRows: number) => void): void {
  try {
    if (target.flush) report(target.flush(), 0);
  } catch {
    // The batches stay unwritten and their cursor with them: the next pull fetches them again.
  }
}
