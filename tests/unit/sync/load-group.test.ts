import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchGroupTarget } from '../../../electron/services/sync/pull-batch-group';
import { pullChanges } from '../../../electron/services/sync/pull-loop';
import { customer, interaction, openTestCache, tempFile } from '../cache/cache-fixtures';
import { frame, startSyncServerDouble, type SyncServerDouble } from './sync-server-double';

/**
 * The first load writes its batches without a savepoint each and the customers' search documents
 * once per commit (batch-writer.ts LoadGroup). What the console must still see: whole batches with
 * their cursors or nothing, and every committed customer findable with what was loaded for them.
 */

let server: SyncServerDouble;
beforeEach(async () => {
  server = await startSyncServerDouble();
});
afterEach(async () => {
  await server.close();
});

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

/** Makes SQLite itself refuse a customer named Boom, as a full disk would refuse any write. */
function refuseBoom(file: string): () => void {
  const db = new Database(file);
  db.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON customers WHEN NEW.name = 'Boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
  return () => {
    db.exec('DROP TRIGGER refuse_boom');
    db.close();
  };
}

describe('the first load, batches held in one transaction', () => {
  it('loses the whole open group, cursors included, when SQLite refuses a write; the next pull fetches it again', async () => {
    const file = tempFile();
    const cache = openTestCache(file);
    const allow = refuseBoom(file);
    server.pull = (cursor) =>
      cursor === null
        ? { lines: [frame.start(3), frame.batch([customer('a', 'Ana')], 'k1'), frame.batch([customer('b', 'Boom')], 'k2'), frame.batch([customer('c', 'Cris')], 'k3'), frame.end('k3')] }
        : { lines: [frame.start(0), frame.end('k3')] };
    const opts = { serverUrl: server.url, token: 'good-token' };

    await expect(pullChanges(batchGroupTarget(cache, { rows: 100, ms: 60_000 }), opts)).rejects.toThrow();
    // Ana's batch was in the same transaction: neither she nor her cursor was kept.
    expect(committed(file)).toEqual({ customers: 0, cursor: null });

    allow();
    await pullChanges(batchGroupTarget(cache, { rows: 100, ms: 60_000 }), opts);
    expect(server.pulls).toEqual([null, null]);
    expect(committed(file)).toEqual({ customers: 3, cursor: 'k3' });
    expect(cache.search('boom', 10).map((h) => h.name)).toEqual(['Boom']);
  });

  it('indexes a customer with the notes of every batch of the group, and again when a later group adds one', async () => {
    const file = tempFile();
    const cache = openTestCache(file);
    const target = batchGroupTarget(cache, { rows: 3, ms: 60_000 });
    target.applyBatch([customer('juan', 'Juan Dela Cruz')], 'k1');
    target.applyBatch([interaction('n1', 'juan', { text: 'Sirang charger' })], 'k2');
    // Not committed yet: the console sees neither the customer nor the note.
    expect(cache.search('charger', 10)).toEqual([]);
    target.applyBatch([interaction('n2', 'juan', { text: 'Pinalitan ang remote' })], 'k3');
    expect(cache.search('charger', 10).map((h) => h.id)).toEqual(['juan']);
    expect(cache.search('remote', 10).map((h) => h.id)).toEqual(['juan']);

    target.applyBatch([interaction('n3', 'juan', { text: 'Refund approved' })], 'k4');
    target.flush!();
    expect(cache.search('refund', 10).map((h) => h.id)).toEqual(['juan']);
    expect(cache.search('charger', 10).map((h) => h.id)).toEqual(['juan']);
    expect(committed(file)).toEqual({ customers: 1, cursor: 'k4' });
  });

  it('drops the document of a customer deleted later in the same group', () => {
    const file = tempFile();
    const cache = openTestCache(file);
    const target = batchGroupTarget(cache, { rows: 100, ms: 60_000 });
    target.applyBatch([customer('bea', 'Bea Lim'), customer('ana', 'Ana Lim')], 'k1');
    target.applyBatch([{ entity: 'customer', data: { id: 'bea', version: 1_000_000, deleted: true } }], 'k2');
    target.flush!();
    expect(cache.search('lim', 10).map((h) => h.id)).toEqual(['ana']);
  });

  it('carries the held batches into the next request of the pull, which starts after them', async () => {
    const file = tempFile();
    const cache = openTestCache(file);
    server.pull = (cursor) =>
      cursor === null
        ? { lines: [frame.start(2), frame.batch([customer('a', 'Ana')], 'k1'), frame.end('k1', true)] }
        : { lines: [frame.start(1), frame.batch([customer('b', 'Bea')], 'k2'), frame.end('k2')] };
    const outcome = await pullChanges(batchGroupTarget(cache, { rows: 100, ms: 60_000 }), { serverUrl: server.url, token: 'good-token' });
    expect(server.pulls).toEqual([null, 'k1']);
    expect(outcome).toMatchObject({ rows: 2, requests: 2 });
    expect(committed(file)).toEqual({ customers: 2, cursor: 'k2' });
  });

  it('commits what the first request brought when the next one fails, and resumes after it', async () => {
    const file = tempFile();
    const cache = openTestCache(file);
    server.pull = (cursor) =>
      cursor === null
        ? { lines: [frame.start(2), frame.batch([customer('a', 'Ana')], 'k1'), frame.end('k1', true)] }
        : { status: 503, lines: [] };
    const opts = { serverUrl: server.url, token: 'good-token' };
    await expect(pullChanges(batchGroupTarget(cache, { rows: 100, ms: 60_000 }), opts)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(committed(file)).toEqual({ customers: 1, cursor: 'k1' });
    // The connection is not left inside a transaction: the next pull can open its own.
    server.pull = () => ({ lines: [frame.start(1), frame.batch([customer('b', 'Bea')], 'k2'), frame.end('k2')] });
    await pullChanges(batchGroupTarget(cache, { rows: 100, ms: 60_000 }), opts);
    expect(committed(file)).toEqual({ customers: 2, cursor: 'k2' });
  });
});
