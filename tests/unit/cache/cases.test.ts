import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../shared/contract/core';
import { customer, order, openTestCache, tempFile } from './cache-fixtures';

const RHEA = { id: 'u-rhea', name: 'Rhea Villanueva' };

function cacheWithOrders(file = tempFile()) {
  const cache = openTestCache(file, { now: () => new Date('2025-03-02T09:30:00Z') });
  cache.applyBatch(
    [
      customer('c1', 'Maria Santos'),
      customer('c2', 'João Silva'),
      order('o1', 'c1', {
        items: [
          { sku: 'TV-32', name: 'TV 32"', quantity: 1, unitPriceMinor: 129_900 },
          { sku: 'HDMI', name: 'HDMI cable', quantity: 2, unitPriceMinor: 25_000 },
        ],
      }),
      order('o2', 'c2', { currency: 'BRL' }),
    ],
    'k1',
  );
  return cache;
}

const failureOf = (fn: () => unknown): ContractFailure => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractFailure) return error;
    throw error;
  }
  throw new Error('expected a ContractFailure');
};

describe('cases.open: the case and its outbox entry are written together', () => {
  it('keeps a complaint with its category, real issue and desired outcome, on screen and queued, across a restart', () => {
    const file = tempFile();
    const cache = cacheWithOrders(file);
    const complaint = cache.cases.open(
      {
        kind: 'complaint',
        customerId: 'c1',
        category: 'delivery',
        description: '  Dumating na basag ang TV  ',
        realIssue: 'Needs a working TV before the fiesta',
        desiredOutcome: 'Replacement this week',
        orderId: 'o1',
      },
      RHEA,
    );
    expect(complaint).toMatchObject({
      kind: 'complaint',
      customerId: 'c1',
      orderId: 'o1',
      text: 'Dumating na basag ang TV',
      category: 'delivery',
      realIssue: 'Needs a working TV before the fiesta',
      desiredOutcome: 'Replacement this week',
      status: 'open',
      author: RHEA,
      occurredAt: '2025-03-02T09:30:00.000Z',
      pendingSync: true,
    });
    cache.close();

    const reopened = openTestCache(file);
    expect(reopened.history('c1')).toEqual([complaint]);
    const [entry] = reopened.pendingOutbox();
    const { pendingSync: _pending, ...payload } = complaint;
    expect(entry).toMatchObject({ kind: 'interaction.create', payload });
    // The description is searchable like a note.
    expect(reopened.search('basag').map((hit) => hit.id)).toEqual(['c1']);
  });

  it('prices a refund at what the item cost on the order unless the agent gives less', () => {
    const cache = cacheWithOrders();
    const full = cache.cases.open(
      { kind: 'refund_request', customerId: 'c1', orderId: 'o1', itemSku: 'HDMI', reason: 'defective', notes: 'Both cables dead' },
      RHEA,
    );
    expect(full).toMatchObject({
      kind: 'refund_request',
      orderId: 'o1',
      itemSku: 'HDMI',
      reason: 'defective',
      text: 'Both cables dead',
      amountMinor: 50_000,
      currency: 'PHP',
      status: 'requested',
    });
    const partial = cache.cases.open(
      { kind: 'refund_request', customerId: 'c1', orderId: 'o1', itemSku: 'HDMI', reason: 'defective', amountMinor: 25_000 },
      RHEA,
    );
    expect(partial).toMatchObject({ amountMinor: 25_000, currency: 'PHP' });
    const exchange = cache.cases.open(
      { kind: 'exchange_request', customerId: 'c1', orderId: 'o1', itemSku: 'TV-32', reason: 'wrong_item' },
      RHEA,
    );
    expect(exchange).toMatchObject({ kind: 'exchange_request', itemSku: 'TV-32', reason: 'wrong_item', text: '' });
    expect(exchange).not.toHaveProperty('amountMinor');
    expect(cache.pendingOutbox().map((entry) => (entry.payload as { id: string }).id)).toEqual([full.id, partial.id, exchange.id]);
  });

  it("refuses another customer's order, an unknown order or item and bad input, writing nothing", () => {
    const cache = cacheWithOrders();
    const ret = { kind: 'return_request', customerId: 'c1', orderId: 'o1', itemSku: 'TV-32', reason: 'changed_mind' };
    expect(failureOf(() => cache.cases.open({ ...ret, orderId: 'o2' }, RHEA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.cases.open({ ...ret, orderId: 'nope' }, RHEA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.cases.open({ ...ret, itemSku: 'RADIO' }, RHEA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.cases.open({ ...ret, customerId: 'nobody' }, RHEA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.cases.open({ ...ret, reason: 'bored' }, RHEA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.cases.open({ ...ret, amountMinor: 5 }, RHEA)).code).toBe('INVALID_INPUT');
    const refund = { ...ret, kind: 'refund_request' };
    expect(failureOf(() => cache.cases.open({ ...refund, amountMinor: 129_901 }, RHEA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.cases.open({ ...refund, currency: 'USD' }, RHEA)).code).toBe('INVALID_INPUT');
    const complaint = { kind: 'complaint', customerId: 'c1', category: 'billing', description: 'Charged twice' };
    expect(failureOf(() => cache.cases.open({ ...complaint, orderId: 'o2' }, RHEA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.cases.open({ ...complaint, description: '  ' }, RHEA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.cases.open({ ...complaint, category: 'weather' }, RHEA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.cases.open(complaint, { id: 'u1', name: '' })).code).toBe('INVALID_INPUT');
    expect(cache.history('c1')).toEqual([]);
    expect(cache.history('c2')).toEqual([]);
    expect(cache.outboxCounts()).toEqual({ pending: 0, rejected: 0 });
  });

  it('writes neither the case nor its upload when the outbox cannot take it', () => {
    const file = tempFile();
    const cache = cacheWithOrders(file);
    const side = new Database(file);
    side.exec("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox full'); END");
    side.close();
    expect(() =>
      cache.cases.open({ kind: 'complaint', customerId: 'c1', category: 'service', description: 'Rude rider' }, RHEA),
    ).toThrow(/outbox full/);
    expect(cache.history('c1')).toEqual([]);
    expect(cache.search('rider')).toEqual([]);
  });

  it('still reads complaints and requests stored before these fields existed', () => {
    const cache = cacheWithOrders();
    cache.applyBatch(
      [
        { entity: 'interaction', data: { id: 'old1', customerId: 'c1', kind: 'complaint', occurredAt: '2024-01-01T00:00:00Z', version: 900 } },
        {
          entity: 'interaction',
          data: { id: 'old2', customerId: 'c1', kind: 'return_request', occurredAt: '2024-01-02T00:00:00Z', reason: 'Too small', version: 901 },
        },
      ],
      'k2',
    );
    expect(cache.history('c1')).toMatchObject([
      { id: 'old2', reason: 'Too small', itemSku: null },
      { id: 'old1', category: null, realIssue: '', desiredOutcome: '' },
    ]);
  });
});
