import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InvalidSyncRowError } from '../../../electron/services/cache/cache-errors';
import { customer, interaction, openTestCache, order, tempFile, tombstone } from './cache-fixtures';

describe('applyBatch: rows and cursor move together', () => {
  it('stores customers, orders and history, and the cursor, across a restart', () => {
    const file = tempFile();
    const cache = openTestCache(file);
    expect(cache.cursor()).toBeNull();
    const outcome = cache.applyBatch(
      [
        customer('c1', 'Maria Santos', { tags: ['vip'], phones: [{ number: '09171234567' }] }),
        order('o1', 'c1'),
        interaction('i1', 'c1', { kind: 'complaint', text: 'Late delivery', status: 'open' }),
      ],
      'cursor-1',
    );
    expect(outcome).toEqual({ applied: 3, stale: 0, customersTouched: ['c1'] });
    cache.close();

    const reopened = openTestCache(file);
    expect(reopened.cursor()).toBe('cursor-1');
    expect(reopened.getCustomer('c1')).toMatchObject({ name: 'Maria Santos', tags: ['vip'] });
    expect(reopened.orders('c1')[0]?.items).toEqual([{ sku: 'TV-32', name: 'TV 32"', quantity: 1, unitPriceMinor: 129_900 }]);
    expect(reopened.history('c1')[0]).toMatchObject({ kind: 'complaint', status: 'open', pendingSync: false });
  });

  it('writes nothing and keeps the old cursor when a row in the middle is unreadable', () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch([customer('c1', 'Maria Santos')], 'cursor-1');

    const bad = { entity: 'customer', data: { id: 'c3', name: '', version: 9 } };
    let error: unknown;
    try {
      cache.applyBatch([customer('c2', 'Ana Souza'), order('o2', 'c2'), bad, customer('c4', 'Bea Lim')], 'cursor-2');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidSyncRowError);
    expect((error as InvalidSyncRowError).index).toBe(2);
    expect(cache.cursor()).toBe('cursor-1');
    expect(cache.getCustomer('c2')).toBeNull();
    expect(cache.orders('c2')).toEqual([]);
    expect(cache.search('ana')).toEqual([]);
  });

  it('rolls back rows already written when SQLite fails part-way through the batch', () => {
    const file = tempFile();
    const cache = openTestCache(file);
    cache.applyBatch([customer('c1', 'Maria Santos')], 'cursor-1');
    // A real failure inside the transaction, after the first rows of the batch were written.
    const side = new Database(file);
    side.exec(`CREATE TRIGGER fail_order BEFORE INSERT ON orders WHEN NEW.id = 'o-bad'
               BEGIN SELECT RAISE(ABORT, 'disk said no'); END`);

    const batch = [
      customer('c2', 'Ana Souza', { phones: [{ number: '+5511912345678' }] }),
      interaction('i2', 'c1', { text: 'Tumawag ulit' }),
      order('o-bad', 'c2'),
      customer('c3', 'Bea Lim'),
    ];
    expect(() => cache.applyBatch(batch, 'cursor-2')).toThrow(/disk said no/);
    expect(cache.cursor()).toBe('cursor-1');
    expect(cache.getCustomer('c2')).toBeNull();
    expect(cache.history('c1')).toEqual([]);
    expect(cache.lookupByPhone('+5511912345678')).toEqual([]);
    expect(cache.search('tumawag')).toEqual([]);

    // The next pull retries from cursor-1 and, once the fault is gone, lands the whole batch.
    side.exec('DROP TRIGGER fail_order');
    side.close();
    expect(cache.applyBatch(batch, 'cursor-2').applied).toBe(4);
    expect(cache.cursor()).toBe('cursor-2');
    expect(cache.search('tumawag').map((h) => h.id)).toEqual(['c1']);
  });

  it('refuses a cursor that is not one', () => {
    const cache = openTestCache(tempFile());
    expect(() => cache.applyBatch([customer('c1', 'Maria')], '')).toThrow(/cursor/);
    expect(cache.getCustomer('c1')).toBeNull();
  });
});

describe('applyBatch: versions and tombstones', () => {
  it('keeps the newer version when an older row arrives late', () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch([customer('c1', 'Maria Santos-Reyes', { version: 20 })], 'k1');
    const outcome = cache.applyBatch([customer('c1', 'Maria Santos', { version: 10 }), tombstone('customer', 'c1', 15)], 'k2');
    expect(outcome).toMatchObject({ applied: 0, stale: 2 });
    expect(cache.getCustomer('c1')?.name).toBe('Maria Santos-Reyes');
    expect(cache.cursor()).toBe('k2');
  });

  it('carries versions past 2^53 without rounding', () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch([customer('c1', 'Maria', { version: '9007199254740993' })], 'k1');
    expect(cache.getCustomer('c1')?.version).toBe('9007199254740993');
    // 9007199254740992 would equal it as a JS number; as a 64-bit integer it is older.
    expect(cache.applyBatch([customer('c1', 'Old Maria', { version: '9007199254740992' })], 'k2').applied).toBe(0);
    expect(cache.getCustomer('c1')?.name).toBe('Maria');
  });

  it('deletes what a tombstone names, with its items, phones and search entry', () => {
    const file = tempFile();
    const cache = openTestCache(file);
    cache.applyBatch(
      [customer('c1', 'Maria Santos', { phones: [{ number: '09171234567' }] }), order('o1', 'c1'), interaction('i1', 'c1', { text: 'refund please' })],
      'k1',
    );
    cache.applyBatch([tombstone('order', 'o1'), tombstone('interaction', 'i1')], 'k2');
    expect(cache.orders('c1')).toEqual([]);
    expect(cache.search('refund')).toEqual([]);
    expect(cache.search('maria').map((h) => h.id)).toEqual(['c1']);

    cache.applyBatch([tombstone('customer', 'c1'), tombstone('customer', 'never-seen')], 'k3');
    expect(cache.getCustomer('c1')).toBeNull();
    expect(cache.search('maria')).toEqual([]);
    expect(cache.lookupByPhone('09171234567')).toEqual([]);
    // Children went with their parents (foreign keys are on in the cache's connection).
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM customer_phones').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM order_items').pluck().get()).toBe(0);
    db.close();
  });

  it("accepts an order or note before its customer: a pull batch may split the server's transaction", () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch([order('o1', 'c1'), interaction('i1', 'c1', { text: 'reklamo sa delivery' })], 'k1');
    cache.applyBatch([customer('c1', 'Maria Santos')], 'k2');
    expect(cache.orders('c1')).toHaveLength(1);
    expect(cache.search('reklamo').map((h) => h.id)).toEqual(['c1']);
  });

  it('moves history with a customer merge: the note is found under its new owner only', () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch(
      [customer('a', 'Maria Santos'), customer('b', 'Maria S. Santos'), interaction('i1', 'a', { text: 'sirang charger' })],
      'k1',
    );
    const outcome = cache.applyBatch([interaction('i1', 'b', { text: 'sirang charger' }), tombstone('customer', 'a')], 'k2');
    expect(outcome.customersTouched.sort()).toEqual(['a', 'b']);
    expect(cache.search('charger').map((h) => h.id)).toEqual(['b']);
  });
});
