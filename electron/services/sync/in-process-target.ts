import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CustomerCache } from '../cache/customer-cache';
import type { SyncRow } from '../../../shared/domain/sync-row';
import type { PullTarget } from './pull-loop';

/**
 * The pull target when the pull runs on the host's main thread (no worker available). A pull
 * batch of 1,000 rows costs well over 100 ms of validation, phone normalization and indexing on a
 * floor laptop; done in one go it would freeze search-as-you-type. So the batch is validated and
 * written in slices, letting the event loop answer the console between them. Only the last slice
 * carries the cursor: after a crash the earlier slices are re-sent and re-applied (same versions,
 * no effect), and a bad row anywhere still leaves the cursor where it was.
 */

export const SLICE_ROWS = 100;

export function inProcessTarget(cache: CustomerCache, sliceRows = SLICE_ROWS): PullTarget {
  return {
    cursor: () => cache.cursor(),
    markCaughtUp: () => cache.markCaughtUp(),
    async applyBatch(rows, cursor) {
      const parsed: SyncRow[] = [];
      for (let i = 0; i < rows.length; i += sliceRows) {
        if (i > 0) await nextTurn();
        parsed.push(...cache.parseRows(rows.slice(i, i + sliceRows), i));
      }
      const touched = new Set<string>();
      for (let i = 0; ; i += sliceRows) {
        const last = i + sliceRows >= parsed.length;
        await nextTurn();
        const outcome = cache.applyParsed(parsed.slice(i, i + sliceRows), last ? cursor : null);
        for (const id of outcome.customersTouched) touched.add(id);
        if (last) break;
      }
      return { customersTouched: [...touched] };
    },
  };
}
