import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../shared/contract/core';
import { EscalationDecide, EscalationRaise } from '../../../shared/domain/escalation';
import { migrate } from '../../../electron/services/cache/migrate';
import { MIGRATIONS } from '../../../electron/services/cache/migrations';
import { customer, interaction, openTestCache, order, tempFile } from './cache-fixtures';

const MARIA = { id: 'u-maria', name: 'Maria Santos' };
const JOSE = { author: { id: 'u-jose', name: 'Jose Reyes' }, level: 'manager' as const };

function cacheWithCustomer(file = tempFile()) {
  const cache = openTestCache(file, { now: () => new Date('2025-03-02T09:30:00Z') });
  cache.applyBatch(
    [
      customer('c1', 'Lorna Dizon', { tags: ['vip'] }),
      customer('c2', 'João Silva'),
      order('o1', 'c1', { items: [{ sku: 'FAN-16', name: 'Stand fan 16"', quantity: 1, unitPriceMinor: 249_900 }] }),
      order('o2', 'c2', { currency: 'BRL' }),
    ],
    'k1',
  );
  return cache;
}

const request = (fields: Record<string, unknown> = {}) => ({
  customerId: 'c1',
  orderId: 'o1',
  itemSku: 'FAN-16',
  reason: 'Refund asked 40 days after delivery; the fan rattles',
  request: { text: 'Full refund', amountMinor: 120_000 },
  callId: 'k3j2h1@kalma',
  callReference: '0302-K7QX-3MPA',
  ...fields,
});

const failureOf = (fn: () => unknown): ContractFailure => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractFailure) return error;
    throw error;
  }
  throw new Error('expected a ContractFailure');
};

/** Makes the next outbox write fail, as a full disk would, through a second connection. */
function breakOutbox(file: string): void {
  const db = new Database(file);
  db.exec(`CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;`);
  db.close();
}

const historyCount = (file: string): number => {
  const db = new Database(file, { readonly: true });
  const n = db.prepare(`SELECT count(*) FROM interactions WHERE kind = 'escalation'`).pluck().get() as number;
  db.close();
  return n;
};

describe('escalations on the console: the row and its outbox entry are written together', () => {
  it('raises one with the packet filled in from the cache and the call, waiting for a manager, queued', () => {
    const cache = cacheWithCustomer();
    const raised = cache.escalations.raise(request(), MARIA);
    expect(raised).toMatchObject({ kind: 'escalation', customerId: 'c1', orderId: 'o1', level: 'manager', status: 'open', pendingSync: true });
    expect(raised.packet).toMatchObject({
      customer: { id: 'c1', name: 'Lorna Dizon', tags: ['vip'] },
      order: { id: 'o1', number: 'SO-o1', currency: 'PHP' },
      item: { sku: 'FAN-16', name: 'Stand fan 16"' },
      // The amount takes the order's currency when the agent gave none.
      request: { text: 'Full refund', amountMinor: 120_000, currency: 'PHP' },
      callId: 'k3j2h1@kalma',
      callReference: '0302-K7QX-3MPA',
    });
    expect(raised.trail).toEqual([expect.objectContaining({ action: 'raise', by: MARIA, from: 'representative', to: 'manager' })]);

    const [entry] = cache.pendingOutbox();
    expect(entry?.kind).toBe('escalation.raise');
    const payload = EscalationRaise.parse(entry?.payload);
    expect(payload).toMatchObject({ id: raised.id, customerId: 'c1', orderId: 'o1', occurredAt: '2025-03-02T09:30:00.000Z' });
    expect(payload.packet).toEqual(raised.packet);
    expect(cache.history('c1').map((i) => i.id)).toEqual([raised.id]);
  });

  it('writes neither the escalation nor its outbox entry when the outbox write fails', () => {
    const file = tempFile();
    const cache = cacheWithCustomer(file);
    breakOutbox(file);
    expect(() => cache.escalations.raise(request(), MARIA)).toThrow(/disk is full/);
    expect(historyCount(file)).toBe(0);
    expect(cache.pendingOutbox()).toEqual([]);
  });

  it("refuses another customer's order, an item not on the order, and an amount without a currency, writing nothing", () => {
    const cache = cacheWithCustomer();
    expect(failureOf(() => cache.escalations.raise(request({ orderId: 'o2', itemSku: null }), MARIA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.escalations.raise(request({ itemSku: 'TV-99' }), MARIA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.escalations.raise(request({ orderId: null, itemSku: null }), MARIA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.escalations.raise(request({ customerId: 'nobody' }), MARIA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.escalations.raise(request({ reason: ' ' }), MARIA)).code).toBe('INVALID_INPUT');
    expect(cache.pendingOutbox()).toEqual([]);
    expect(cache.escalations.forCustomer('c1')).toEqual([]);
  });

  it('lists waiting escalations by level, oldest first, for those who decide them', () => {
    const cache = cacheWithCustomer();
    const at = (iso: string, level: string, status = 'open') => ({ kind: 'escalation', occurredAt: iso, level, status, text: `${level} ${iso}` });
    cache.applyBatch(
      [
        interaction('e-new', 'c1', at('2025-03-02T09:00:00Z', 'manager')),
        interaction('e-old', 'c2', at('2025-03-02T08:00:00Z', 'manager')),
        interaction('e-dir', 'c1', at('2025-03-02T08:30:00Z', 'director')),
        interaction('e-done', 'c1', at('2025-03-02T07:00:00Z', 'manager', 'resolved')),
      ],
      'k2',
    );
    const ids = (level: 'manager' | 'director' | null) => cache.escalations.queue(level).map((e) => e.escalation.id);
    expect(ids('manager')).toEqual(['e-old', 'e-new']);
    expect(ids('director')).toEqual(['e-old', 'e-dir', 'e-new']);
    expect(ids(null)).toEqual([]);
    expect(cache.escalations.queue('manager')[0]?.customerName).toBe('João Silva');
  });

  it("applies a supervisor's decision here at once and queues it; it leaves the queue", () => {
    const cache = cacheWithCustomer();
    const raised = cache.escalations.raise(request(), MARIA);
    expect(cache.escalations.queue('manager').map((e) => e.escalation.id)).toEqual([raised.id]);
    const denied = cache.escalations.decide({ escalationId: raised.id, decision: 'deny', reason: 'Outside the window', seenLevel: 'manager' }, JOSE);
    expect(denied).toMatchObject({ status: 'resolved', pendingSync: true });
    expect(denied.trail?.at(-1)).toMatchObject({ action: 'deny', by: JOSE.author, byLevel: 'manager', reason: 'Outside the window' });
    expect(cache.escalations.queue('manager')).toEqual([]);
    const decision = cache.pendingOutbox().at(-1);
    expect(decision?.kind).toBe('escalation.decide');
    expect(EscalationDecide.parse(decision?.payload)).toMatchObject({ escalationId: raised.id, decision: 'deny', seenLevel: 'manager' });
  });

  it('refuses a decision from an agent and one above the decider, writing nothing', () => {
    const cache = cacheWithCustomer();
    const raised = cache.escalations.raise(request(), MARIA);
    const before = cache.pendingOutbox().length;
    expect(failureOf(() => cache.escalations.decide({ escalationId: raised.id, decision: 'approve', seenLevel: 'manager' }, { author: MARIA, level: null })).code).toBe('FORBIDDEN');
    cache.escalations.decide({ escalationId: raised.id, decision: 'raise', seenLevel: 'manager' }, JOSE);
    expect(failureOf(() => cache.escalations.decide({ escalationId: raised.id, decision: 'approve', seenLevel: 'director' }, JOSE)).code).toBe('FORBIDDEN');
    expect(failureOf(() => cache.escalations.decide({ escalationId: raised.id, decision: 'raise', seenLevel: 'manager' }, JOSE)).code).toBe('CONFLICT');
    expect(cache.pendingOutbox()).toHaveLength(before + 1);
  });

  it("takes the server's row when it arrives: the decision pulled back replaces the local one", () => {
    const cache = cacheWithCustomer();
    const raised = cache.escalations.raise(request(), MARIA);
    const { pendingSync: _p, ...local } = raised;
    const approved = {
      ...local,
      status: 'resolved',
      trail: [
        ...(local.trail ?? []),
        { id: 'step-2', action: 'approve', at: '2025-03-02T09:35:00Z', by: JOSE.author, byLevel: 'manager', from: 'manager', to: 'manager', reason: 'Goodwill' },
      ],
      version: 99,
    };
    const outcome = cache.applyBatch([{ entity: 'interaction', data: approved }], 'k3');
    expect(outcome.customersTouched).toEqual(['c1']);
    const [back] = cache.escalations.forCustomer('c1');
    expect(back).toMatchObject({ id: raised.id, status: 'resolved', pendingSync: false });
    expect(back?.trail?.at(-1)).toMatchObject({ action: 'approve', by: { name: 'Jose Reyes' }, reason: 'Goodwill' });
  });

  it('keeps the reference number on the call record and in its outbox entry', () => {
    const cache = cacheWithCustomer();
    cache.recordCall(
      {
        id: 'a84kd0@kalma-3f9a',
        direction: 'inbound',
        number: '+639171234567',
        remoteUri: 'sip:+639171234567@pbx',
        customerId: 'c1',
        line: 1,
        startedAt: '2025-07-14T09:30:00.000Z',
        answeredAt: '2025-07-14T09:30:05.000Z',
        endedAt: '2025-07-14T09:33:00.000Z',
        endCause: 'hangup-local',
        transfers: [],
      },
      MARIA,
    );
    const [record] = cache.recentCalls();
    expect(record?.reference).toMatch(/^0714-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(cache.pendingOutbox().find((e) => e.kind === 'call.record')?.payload).toMatchObject({ reference: record?.reference });
  });

  it('upgrades a file from version 9: older call records keep no reference, new escalations are queued', () => {
    const file = tempFile();
    const db = new Database(file);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
    db.exec(`INSERT INTO call_records (call_id, direction, number, remote_uri, customer_id, line, started_at, answered_at, ended_at, end_cause, transfers)
             VALUES ('old-call', 'inbound', '+639171234567', 'sip:x@y', NULL, 1, '2025-03-01T02:00:00.000Z', NULL, '2025-03-01T02:00:10.000Z', 'no-answer', '[]')`);
    db.close();
    const cache = cacheWithCustomer(file);
    expect(cache.recentCalls()).toEqual([expect.objectContaining({ id: 'old-call' })]);
    expect(cache.recentCalls()[0]).not.toHaveProperty('reference');
    cache.escalations.raise(request(), MARIA);
    expect(cache.escalations.queue('manager')).toHaveLength(1);
  });
});
