import type { CustomerCache } from '../cache/customer-cache';
import type { Applied, PullTarget } from './pull-loop';
import { parsePulledRows } from './pull-rows';

/**
 * The first load's target in the pull worker: several pull batches per SQLite transaction. Every
 * commit rewrites the index and search pages it touched, and a million customers' random UUID keys
 * touch about a page per row — a cost per commit, not per row. So a transaction is opened and the
 * batches join it as they arrive, each written with its cursor, so a batch is never committed
 * without its cursor. A batch is checked whole (pull-rows.ts) before any of it is written, so a
 * bad one is refused alone and the batches before it still commit; a write SQLite itself refuses
 * (disk full) rolls back the whole open group, cursors included, which is pulled again. It commits
 * once enough rows or time have gone by, when the stream ends or breaks (pull-loop flushes), or
 * when the stream goes quiet — the console's note waiting for the write lock, and its view of the
 * load, stay at most a couple of seconds behind. Search documents of the group's customers are
 * written at its commit, in the same transaction (batch-writer.ts LoadGroup). Rows and touched
 * customers are reported when they are committed.
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
  // A commit by the quiet-stream timer that failed (the group was rolled back): the pull hears of it next.
  let failed: { error: unknown } | null = null;

  const forget = (): void => {
    open = false;
    rows = 0;
    touched = new Set();
  };
  const commit = (): void => {
    clearTimeout(quiet);
    if (!open) return;
    try {
      cache.commitGroup();
    } catch (error) {
      forget();
      throw error;
    }
    unreported = { customersTouched: [...new Set([...unreported.customersTouched, ...touched])], rows: (unreported.rows ?? 0) + rows };
    forget();
  };
  // Before anything else is written: a batch committed after a lost group would skip its rows.
  const throwIfFailed = (): void => {
    if (!failed) return;
    const { error } = failed;
    failed = null;
    throw error;
  };
  const report = (): Applied => {
    const out = unreported;
    unreported = { customersTouched: [], rows: 0 };
    return out;
  };
  const commitWhenQuiet = (): void => {
    try {
      commit();
    } catch (error) {
      failed = { error };
    }
  };

  return {
    cursor: () => cache.cursor(),
    markCaughtUp: () => cache.markCaughtUp(),
    flush() {
      throwIfFailed();
      commit();
      return report();
    },
    applyBatch(batch, cursor) {
      throwIfFailed();
      const parsed = parsePulledRows(batch);
      if (!open) {
        cache.beginGroup();
        open = true;
        openedAt = clock();
        quiet = setTimeout(commitWhenQuiet, limits.ms);
        quiet.unref();
      }
      let outcome;
      try {
        outcome = cache.applyToGroup(parsed, cursor);
      } catch (error) {
        // The cache rolled the whole group back: nothing of it is committed or to be reported.
        clearTimeout(quiet);
        forget();
        throw error;
      }
      rows += batch.length;
      for (const id of outcome.customersTouched) touched.add(id);
      if (rows >= limits.rows || clock() - openedAt >= limits.ms) commit();
      return report();
    },
  };
}
