import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../shared/contract/core';
import { batchGroupTarget } from '../../../electron/services/sync/pull-batch-group';
import { pullChanges, type PullEvent } from '../../../electron/services/sync/pull-loop';
import { customer, openTestCache, tempFile } from '../cache/cache-fixtures';
import { frame, startSyncServerDouble, type SyncServerDouble } from './sync-server-double';

let server: SyncServerDouble;
beforeEach(async () => {
  server = await startSyncServerDouble();
});
afterEach(async () => {
  await server.close();
});

/** What another connection (the console's) sees in the file: committed rows only. */
function committed(file: string): { customers: number; cursor: string | null } {
  const db = new Database(file, { readonly: true });
  try {
    const customers = (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    const cursor = (db.prepare("SELECT cursor FROM sync_state WHERE stream = 'customers'").get() as { cursor: string } | undefined)?.cursor ?? null;
    return { customers, cursor };
  } finally {
    db.close();
  }
}

const ana = (i: number) => customer(`c${i}`, `Ana ${i}`);

describe('a first load, several batches per transaction', () => {
  it('commits the held batches together with the last cursor, and only then reports their rows', () => {
    const file = tempFile();
    const cache = openTestCache(file);
    const target = batchGroupTarget(cache, { rows: 3, ms: 60_000 });

    expect(target.applyBatch([ana(1)], 'k1')).toEqual({ customersTouched: [], rows: 0 });
    expect(target.applyBatch([ana(2)], 'k2')).toEqual({ customersTouched: [], rows: 0 });
    expect(committed(file)).toEqual({ customers: 0, cursor: null });

    const third = target.applyBatch([ana(3)], 'k3') as { customersTouched: string[]; rows: number };
    expect(third.rows).toBe(3);
    expect(third.customersTouched.sort()).toEqual(['c1', 'c2', 'c3']);
    expect(committed(file)).toEqual({ customers: 3, cursor: 'k3' });

    target.applyBatch([ana(4)], 'k4');
    expect(target.flush!()).toMatchObject({ rows: 1, customersTouched: ['c4'] });
    expect(committed(file)).toEqual({ customers: 4, cursor: 'k4' });
    cache.close();
  });

  it('commits when the stream goes quiet, so the console does not wait for the next batch', async () => {
    const file = tempFile();
    const cache = openTestCache(file);
    const target = batchGroupTarget(cache, { rows: 1_000, ms: 50 });
    target.applyBatch([ana(1)], 'k1');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(committed(file)).toEqual({ customers: 1, cursor: 'k1' });
    // Reported with the next call, once.
    expect(target.flush!()).toMatchObject({ rows: 1, customersTouched: ['c1'] });
    expect(target.flush!()).toMatchObject({ rows: 0, customersTouched: [] });
    cache.close();
  });

  it('through a pull: a bad batch is refused alone, the good ones before it are committed with their cursor', async () => {
    const file = tempFile();
    const cache = openTestCache(file);
    server.pull = () => ({
      lines: [
        frame.start(4),
        frame.batch([ana(1)], 'k1'),
        frame.batch([ana(2)], 'k2'),
        frame.batch([ana(3), { entity: 'customer', data: { id: 'c9', version: 3 } }], 'k3'),
        frame.end('k3'),
      ],
    });
    const events: PullEvent[] = [];
    const failure = await pullChanges(batchGroupTarget(cache, { rows: 100, ms: 60_000 }), { serverUrl: server.url, token: 'good-token' }, (e) => events.push(e)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ContractFailure);
    expect((failure as ContractFailure).code).toBe('INVALID_INPUT');
    expect(committed(file)).toEqual({ customers: 2, cursor: 'k2' });
    expect(cache.search('ana', 10).map((h) => h.name).sort()).toEqual(['Ana 1', 'Ana 2']);
    // The progress bar counts what was committed: the two good rows.
    expect(events.filter((e) => e.type === 'batch').reduce((n, e) => n + (e.type === 'batch' ? e.rows : 0), 0)).toBe(2);
    cache.close();
  });

  it('through a pull cut off mid-stream: whole batches received are kept, and the next pull starts after them', async () => {
    const file = tempFile();
    const cache = openTestCache(file);
    server.pull = (cursor) =>
      cursor === null
        ? { lines: [frame.start(3), frame.batch([ana(1)], 'k1'), frame.batch([ana(2)], 'k2'), frame.batch([ana(3)], 'k3'), frame.end('k3')], cutAfter: 3 }
        : { lines: [frame.start(1), frame.batch([ana(3)], 'k3'), frame.end('k3')] };
    const opts = { serverUrl: server.url, token: 'good-token' };
    await expect(pullChanges(batchGroupTarget(cache, { rows: 100, ms: 60_000 }), opts)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(committed(file)).toEqual({ customers: 2, cursor: 'k2' });

    await pullChanges(batchGroupTarget(cache, { rows: 100, ms: 60_000 }), opts);
    expect(server.pulls).toEqual([null, 'k2']);
    expect(committed(file)).toEqual({ customers: 3, cursor: 'k3' });
    expect(cache.caughtUpAt()).not.toBeNull();
    cache.close();
  });
});
