import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../shared/contract/core';
import type { InteractionView } from '../../../shared/domain/interaction';
import { migrate } from '../../../electron/services/cache/migrate';
import { MIGRATIONS } from '../../../electron/services/cache/migrations';
import type { CustomerCache } from '../../../electron/services/cache/customer-cache';
import { customer, interaction, openTestCache, order, tempFile } from './cache-fixtures';

const RHEA = { id: 'u-rhea', name: 'Rhea Villanueva' };
const JOANA = { id: 'u-joana', name: 'Joana Souza' };

let clock = new Date('2025-03-04T09:00:00Z');
const tick = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

function cacheWithCases(file = tempFile()): CustomerCache {
  clock = new Date('2025-03-04T09:00:00Z');
  const cache = openTestCache(file, { now: () => clock });
  cache.applyBatch(
    [
      customer('c1', 'Maria Santos'),
      order('o1', 'c1'),
      interaction('k1', 'c1', { kind: 'complaint', text: 'TV arrived cracked', category: 'delivery' }),
      interaction('r1', 'c1', { kind: 'refund_request', orderId: 'o1', itemSku: 'TV-32', reason: 'defective', amountMinor: 129_900, currency: 'PHP' }),
      interaction('n1', 'c1', { kind: 'note', text: 'just a note' }),
    ],
    'k1',
  );
  return cache;
}

type CaseOnScreen = Extract<InteractionView, { kind: 'complaint' | 'refund_request' }>;

function shown(cache: CustomerCache, id: string, me = RHEA): CaseOnScreen {
  const found = cache.cases.withPending(cache.history('c1'), me).find((item) => item.id === id);
  if (!found) throw new Error(`${id} is not on the history`);
  return found as CaseOnScreen;
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

describe('cases.setStatus: the change, its history and its outbox entry are written together', () => {
  it('moves a complaint on with the agent’s note, keeps who/when/from/to, queues it, and keeps it across a restart', () => {
    const file = tempFile();
    const cache = cacheWithCases(file);
    const { view, customerId } = cache.cases.changeStatus({ interactionId: 'k1', status: 'in_progress', note: '  Asked the courier for photos  ' }, RHEA);
    expect(customerId).toBe('c1');
    expect(view).toMatchObject({ id: 'k1', kind: 'complaint', status: 'in_progress', pendingSync: true });
    const history = (view as CaseOnScreen).statusHistory!;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ by: RHEA, from: 'open', to: 'in_progress', note: 'Asked the courier for photos', at: '2025-03-04T09:00:00.000Z' });

    const [queued] = cache.pendingOutbox();
    expect(queued).toMatchObject({
      id: history[0]!.id,
      kind: 'case.status',
      payload: { id: history[0]!.id, interactionId: 'k1', from: 'open', to: 'in_progress', note: 'Asked the courier for photos', at: '2025-03-04T09:00:00.000Z' },
    });

    tick(5);
    cache.cases.changeStatus({ interactionId: 'k1', status: 'resolved', note: 'Replacement sent' }, RHEA);
    cache.close();

    const again = openTestCache(file);
    const complaint = shown(again, 'k1');
    expect(complaint.status).toBe('resolved');
    expect(complaint.statusHistory!.map((e) => `${e.from}→${e.to}`)).toEqual(['open→in_progress', 'in_progress→resolved']);
    expect(again.pendingOutbox().map((e) => e.kind)).toEqual(['case.status', 'case.status']);
  });

  it('takes a request through requested → approved → completed', () => {
    const cache = cacheWithCases();
    cache.cases.changeStatus({ interactionId: 'r1', status: 'approved', note: 'Within 7 days of delivery' }, RHEA);
    tick(1);
    const { view } = cache.cases.changeStatus({ interactionId: 'r1', status: 'completed' }, RHEA);
    expect(view).toMatchObject({ kind: 'refund_request', status: 'completed' });
    expect((view as CaseOnScreen).statusHistory!.map((e) => e.to)).toEqual(['approved', 'completed']);
  });

  it('refuses what is not a case, a status of another kind, and the status it already has, writing nothing', () => {
    const cache = cacheWithCases();
    expect(failureOf(() => cache.cases.changeStatus({ interactionId: 'nope', status: 'resolved' }, RHEA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.cases.changeStatus({ interactionId: 'n1', status: 'resolved' }, RHEA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.cases.changeStatus({ interactionId: 'k1', status: 'approved' }, RHEA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.cases.changeStatus({ interactionId: 'r1', status: 'resolved' }, RHEA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.cases.changeStatus({ interactionId: 'k1', status: 'open' }, RHEA)).code).toBe('CONFLICT');
    expect(failureOf(() => cache.cases.changeStatus({ interactionId: 'k1', status: 'closed', note: 'x'.repeat(1_001) }, RHEA)).code).toBe('INVALID_INPUT');
    expect(cache.pendingOutbox()).toEqual([]);
    expect(shown(cache, 'k1')).toMatchObject({ status: 'open', pendingSync: false });
  });
});

describe('a case changed here and elsewhere at once', () => {
  /** The case's row as the server sends it after another agent's change (without ours). */
  function pulledWithJoanasChange(at: string, to: 'in_progress' | 'closed') {
    return interaction('k1', 'c1', {
      kind: 'complaint',
      text: 'TV arrived cracked',
      category: 'delivery',
      status: to,
      statusHistory: [{ id: 'chg-joana', at, by: JOANA, from: 'open', to, note: 'Called the courier' }],
    });
  }

  it('keeps the agent’s own change on screen when a pull brings the row without it, and the later change is current', () => {
    const cache = cacheWithCases();
    tick(10); // 09:10
    cache.cases.changeStatus({ interactionId: 'k1', status: 'resolved', note: 'Replacement sent' }, RHEA);
    // Joana moved it at 09:05, before Rhea: Rhea's is the later change and stays current.
    cache.applyBatch([pulledWithJoanasChange('2025-03-04T09:05:00.000Z', 'in_progress')], 'k2');
    const complaint = shown(cache, 'k1');
    expect(complaint.statusHistory!.map((e) => `${e.by.name}: ${e.to}`)).toEqual(['Joana Souza: in_progress', 'Rhea Villanueva: resolved']);
    expect(complaint.status).toBe('resolved');
    expect(complaint.pendingSync).toBe(true);
  });

  it('makes the other agent’s change current when it was made later, keeping both', () => {
    const cache = cacheWithCases();
    cache.cases.changeStatus({ interactionId: 'k1', status: 'in_progress' }, RHEA); // 09:00
    cache.applyBatch([pulledWithJoanasChange('2025-03-04T09:20:00.000Z', 'closed')], 'k2');
    const complaint = shown(cache, 'k1');
    expect(complaint.statusHistory!.map((e) => e.to)).toEqual(['in_progress', 'closed']);
    expect(complaint.status).toBe('closed');
  });

  it('shows each change once, no longer pending, when the server sends the row back with it', () => {
    const cache = cacheWithCases();
    const { view } = cache.cases.changeStatus({ interactionId: 'k1', status: 'in_progress', note: 'On it' }, RHEA);
    const mine = (view as CaseOnScreen).statusHistory![0]!;
    cache.ackOutbox([mine.id]);
    cache.applyBatch(
      [
        interaction('k1', 'c1', {
          kind: 'complaint',
          text: 'TV arrived cracked',
          category: 'delivery',
          status: 'in_progress',
          statusHistory: [{ ...mine, by: RHEA }],
        }),
      ],
      'k2',
    );
    const complaint = shown(cache, 'k1');
    expect(complaint.statusHistory).toHaveLength(1);
    expect(complaint).toMatchObject({ status: 'in_progress', pendingSync: false });
  });

  it('drops a change the server refused once the server’s row is back', () => {
    const cache = cacheWithCases();
    const { view } = cache.cases.changeStatus({ interactionId: 'k1', status: 'closed' }, RHEA);
    cache.rejectOutbox((view as CaseOnScreen).statusHistory![0]!.id, 'This case is not on the server; its new status was not saved there.');
    cache.applyBatch([interaction('k1', 'c1', { kind: 'complaint', text: 'TV arrived cracked', status: 'open' })], 'k2');
    expect(shown(cache, 'k1')).toMatchObject({ status: 'open', pendingSync: false });
  });
});

describe('cache migration 9 (case-status-outbox)', () => {
  it('upgrades a file from version 8 with a change queued among thousands of writes, shows it, and finds it through the index', () => {
    const file = tempFile();
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 8));
    old.exec(`
      INSERT INTO customers (id, name, name_folded, version) VALUES ('c1', 'Maria Santos', 'maria santos', 1);
      INSERT INTO interactions (id, customer_id, kind, occurred_at, text, details, version)
        VALUES ('k1', 'c1', 'complaint', '2025-03-03T02:00:00.000Z', 'late delivery', '{"status":"open"}', 2);
      INSERT INTO outbox (id, kind, payload, created_at) VALUES ('6f1c2f5e-8a0b-4c57-9a43-7f1d0b1f2a02', 'case.status',
        '{"id":"6f1c2f5e-8a0b-4c57-9a43-7f1d0b1f2a02","interactionId":"k1","from":"open","to":"in_progress","note":"","at":"2025-03-04T09:00:00.000Z"}',
        '2025-03-04T09:00:00.000Z');
      -- A shift offline: thousands of other writes queued around the one change.
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
      INSERT INTO outbox (id, kind, payload, created_at)
        SELECT 'state-' || i, 'agent.state', '{"state":"available"}', '2025-03-04T08:00:00.000Z' FROM n;`);
    old.close();

    const cache = openTestCache(file);
    expect(shown(cache, 'k1')).toMatchObject({ status: 'in_progress', pendingSync: true });
    cache.close();

    const db = new Database(file, { readonly: true });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT payload FROM outbox WHERE kind = 'case.status' AND rejected_reason IS NULL
                  AND json_extract(payload, '$.interactionId') IN (SELECT value FROM json_each(?))`)
      .all('["k1"]') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('outbox_pending_case_status');
    db.close();
  });
});
