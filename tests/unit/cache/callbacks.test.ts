import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { customer, interaction, openTestCache, tempFile } from './cache-fixtures';

const callback = (id: string, customerId: string, dueAt: string, fields: Record<string, unknown> = {}) =>
  interaction(id, customerId, { kind: 'callback', dueAt, phone: '+639171234567', author: { id: 'u1', name: 'Rhea' }, status: 'scheduled', ...fields });

describe('the agent’s callbacks', () => {
  it('lists the ones this agent still owes, soonest first, with the customer’s name', () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch(
      [
        customer('c1', 'Maria Santos'),
        customer('c2', 'João Gonçalves'),
        callback('cb-late', 'c1', '2025-03-02T01:00:00.000Z'),
        callback('cb-early', 'c2', '2025-03-01T09:00:00.000Z'),
        callback('cb-done', 'c2', '2025-03-01T08:00:00.000Z', { status: 'done' }),
        callback('cb-theirs', 'c1', '2025-03-01T07:00:00.000Z', { author: { id: 'u2', name: 'Jose' } }),
      ],
      'k1',
    );
    expect(cache.callbacks.mine('u1').map((c) => [c.callback.id, c.customerName])).toEqual([
      ['cb-early', 'João Gonçalves'],
      ['cb-late', 'Maria Santos'],
    ]);
  });

  it('reads them through the partial index, not the whole history', () => {
    const file = tempFile();
    openTestCache(file).close();
    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT i.id FROM interactions i JOIN customers c ON c.id = i.customer_id
          WHERE i.author_id = ? AND i.kind = 'callback' AND json_extract(i.details, '$.status') = 'scheduled'
          ORDER BY json_extract(i.details, '$.dueAt') LIMIT ?`,
      )
      .all('u1', 10) as { detail: string }[];
    db.close();
    expect(plan.map((p) => p.detail).join(' | ')).toContain('interactions_scheduled_callbacks');
  });

  it('marks one made, queues it, and drops it from the list; a second time is refused', () => {
    const cache = openTestCache(tempFile(), { now: () => new Date('2025-03-02T01:05:00.000Z') });
    cache.applyBatch([customer('c1', 'Maria Santos'), callback('cb1', 'c1', '2025-03-02T01:00:00.000Z')], 'k1');
    expect(cache.callbacks.settle('cb1', 'done')).toBe('c1');
    expect(cache.callbacks.mine('u1')).toEqual([]);
    expect(cache.pendingOutbox().map((e) => [e.kind, e.payload])).toEqual([
      ['callback.status', { interactionId: 'cb1', status: 'done', at: '2025-03-02T01:05:00.000Z' }],
    ]);
    expect(cache.history('c1')[0]).toMatchObject({ kind: 'callback', status: 'done', pendingSync: true });
    expect(() => cache.callbacks.settle('cb1', 'cancelled')).toThrow(/already done/);
    expect(() => cache.callbacks.settle('nope', 'done')).toThrow(/not on this computer/);
    expect(() => cache.callbacks.settle('cb1', 'maybe' as 'done')).toThrow(/callback status/);
    expect(cache.outboxCounts().pending).toBe(1);
  });

  it('keeps the outcome of a follow-up made, on the row and in the queued change', () => {
    const cache = openTestCache(tempFile(), { now: () => new Date('2025-03-04T01:05:00.000Z') });
    const followUp = { reason: 'denied-refund', escalationId: 'e1', ask: 'Full refund', decisionReason: 'Outside the window' };
    cache.applyBatch([customer('c1', 'Maria Santos'), callback('fu1', 'c1', '2025-03-04T01:00:00.000Z', { followUp })], 'k1');
    expect(cache.callbacks.mine('u1')[0]?.callback.followUp).toEqual(followUp);
    cache.callbacks.settle('fu1', 'done', { result: 'accepted-alternative', note: 'Took a voucher' });
    expect(cache.pendingOutbox().map((e) => e.payload)).toEqual([
      { interactionId: 'fu1', status: 'done', at: '2025-03-04T01:05:00.000Z', outcome: { result: 'accepted-alternative', note: 'Took a voucher' } },
    ]);
    expect(cache.history('c1')[0]).toMatchObject({ kind: 'callback', status: 'done', followUp, outcome: { result: 'accepted-alternative', note: 'Took a voucher' } });
  });

  it('refuses an outcome on a cancellation, or one it does not know', () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch([customer('c1', 'Maria Santos'), callback('cb1', 'c1', '2025-03-02T01:00:00.000Z')], 'k1');
    expect(() => cache.callbacks.settle('cb1', 'cancelled', { result: 'resolved', note: '' })).toThrow(/only a callback made has an outcome/);
    expect(() => cache.callbacks.settle('cb1', 'done', { result: 'maybe' as 'resolved', note: '' })).toThrow(/follow-up outcome/);
    expect(cache.outboxCounts().pending).toBe(0);
  });
});
