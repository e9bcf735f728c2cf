import type { CustomerCache } from '../cache/customer-cache';
import type { Applied, PullTarget } from './pull-loop';

/**
 * The first load's target in the pull worker: several pull batches per SQLite transaction. Every
 * commit rewrites the index and search pages it touched, and a million customers' random UUID keys
 * touch about a page per row — a cost per commit, not per row. So a transaction is opened and the
 * batches join it as they arrive (each written in a savepoint with its cursor, so a batch is never
 * committed without its cursor, and one that fails is undone alone); it commits once enough rows
 * or time have gone by, when the stream ends or breaks (pull-loop flushes), or when the stream
 * goes quiet — the console's note waiting for the write lock, and its view of the load, stay at
 * most about a second behind. Rows and touched customers are reported when they are committed.
 */

export interface GroupLimits {
  /** Commit once this many rows have been written. */
  rows: number;
  /** Commit once the transaction has been open this long. */
  ms: number;
}

export const FIRST_LOAD_GROUP: GroupLimits = { rows: 50_000, ms: 2_000 };

export function batchGroupTarget(cache: CustomerCache, limits: GroupLimits = FIRST_LOAD_GROUP, clock: () => number = () => performance.now()): PullTarget {
  let open = false;
  let openedAt = 0;
  let rows = 0;
  let touched = new Set<string>();
  // Rows committed by the quiet-stream timer, reported with the next call.
  let unreported: Applied = { customersTouched: [], rows: 0 };
  let quiet: NodeJS.Timeout | undefined;

  const commit = (): void => {
    clearTimeout(quiet);
    if (!open) return;
    open = false;
    cache.commitGroup();
    unreported = { customersTouched: [...new Set([...unreported.customersTouched, ...touched])], rows: (unreported.rows ?? 0) + rows };
    rows = 0;
    touched = new Set();
  };
  const report = (): Applied => {
    const out = unreported;
    unreported = { customersTouched: [], rows: 0 };
    return out;
  };

  return {
    cursor: () => cache.cursor(),
    markCaughtUp: () => cache.markCaughtUp(),
    flush() {
      commit();
      return report();
    },
    applyBatch(batch, cursor) {
      if (!open) {
        cache.beginGroup();
        open = true;
        openedAt = clock();
        quiet = setTimeout(commit, limits.ms);
        quiet.unref();
      }
      const outcome = cache.applyBatch(batch, cursor);
      rows += batch.length;
      for (const id of outcome.customersTouched) touched.add(id);
      if (rows >= limits.rows || clock() - openedAt >= limits.ms) commit();
      return report();
    },
  };
}
