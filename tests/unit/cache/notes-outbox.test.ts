import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../shared/contract/core';
import { customer, interaction, openTestCache, tempFile } from './cache-fixtures';

const RHEA = { id: 'u-rhea', name: 'Rhea Villanueva' };

function cacheWithMaria(file = tempFile()) {
  const cache = openTestCache(file, { now: () => new Date('2025-03-01T09:30:00Z') });
  cache.applyBatch([customer('c1', 'Maria Santos')], 'k1');
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

describe('addNote: the note and its outbox entry are written together', () => {
  it('shows the note at once, pending, and queues exactly that note for the server', () => {
    const file = tempFile();
    const cache = cacheWithMaria(file);
    const note = cache.addNote('c1', '  Gusto niyang ipapalit ang sirang charger  ', RHEA);
    expect(note).toMatchObject({
      kind: 'note',
      customerId: 'c1',
      text: 'Gusto niyang ipapalit ang sirang charger',
      author: RHEA,
      occurredAt: '2025-03-01T09:30:00.000Z',
      pendingSync: true,
    });
    cache.close();

    // Both survive a restart: nothing the agent wrote lives only in memory.
    const reopened = openTestCache(file);
    expect(reopened.history('c1')).toEqual([note]);
    const [entry] = reopened.pendingOutbox();
    expect(entry).toMatchObject({ kind: 'interaction.create', attempts: 0, lastError: null, rejectedReason: null });
    expect(entry?.id).not.toBe(note.id);
    const { pendingSync: _pending, ...payload } = note;
    expect(entry?.payload).toEqual(payload);
  });

  it('writes neither when the outbox cannot take it', () => {
    const file = tempFile();
    const cache = cacheWithMaria(file);
    const side = new Database(file);
    side.exec("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox full'); END");
    side.close();
    expect(() => cache.addNote('c1', 'Tatawag ulit bukas', RHEA)).toThrow(/outbox full/);
    expect(cache.history('c1')).toEqual([]);
    expect(cache.search('tatawag')).toEqual([]);
  });

  it('refuses an empty note, a missing customer and a nameless author, writing nothing', () => {
    const cache = cacheWithMaria();
    expect(failureOf(() => cache.addNote('c1', '   ', RHEA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.addNote('c1', 'x'.repeat(4_001), RHEA)).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.addNote('nobody', 'hello', RHEA)).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.addNote('c1', 'hello', { id: 'u1', name: '' })).code).toBe('INVALID_INPUT');
    expect(cache.history('c1')).toEqual([]);
    expect(cache.outboxCounts()).toEqual({ pending: 0, rejected: 0 });
  });

  it("is confirmed when the server's copy comes back in a pull", () => {
    const cache = cacheWithMaria();
    const note = cache.addNote('c1', 'Refund approved by supervisor', RHEA);
    cache.applyBatch([interaction(note.id, 'c1', { text: note.text, author: RHEA, occurredAt: note.occurredAt, version: 77 })], 'k2');
    expect(cache.history('c1')).toEqual([{ ...note, version: '77', pendingSync: false }]);
  });
});

describe('outbox: ack, failure, reject', () => {
  it('drains acknowledged entries and keeps the rest in order', () => {
    const cache = cacheWithMaria();
    cache.addNote('c1', 'first', RHEA);
    cache.addNote('c1', 'second', RHEA);
    cache.addNote('c1', 'third', RHEA);
    const [first, second, third] = cache.pendingOutbox();
    expect([first, second, third].map((e) => (e?.payload as { text: string }).text)).toEqual(['first', 'second', 'third']);

    expect(cache.ackOutbox([first!.id, third!.id, crypto.randomUUID()])).toBe(2);
    expect(cache.pendingOutbox().map((e) => e.id)).toEqual([second!.id]);
    expect(cache.ackOutbox([first!.id])).toBe(0); // a retried ack changes nothing
  });

  it('counts failed posts but keeps the entries pending, so the sender retries them on its own', () => {
    const cache = cacheWithMaria();
    cache.addNote('c1', 'note', RHEA);
    const [entry] = cache.pendingOutbox();
    cache.recordOutboxFailure([entry!.id], 'ECONNRESET');
    cache.recordOutboxFailure([entry!.id], 'HTTP 503');
    expect(cache.pendingOutbox()).toEqual([{ ...entry, attempts: 2, lastError: 'HTTP 503' }]);
  });

  it('sets a refused entry aside with the reason, out of the sending queue', () => {
    const cache = cacheWithMaria();
    cache.addNote('c1', 'note', RHEA);
    const [entry] = cache.pendingOutbox();
    expect(cache.rejectOutbox(entry!.id, 'customer is archived')).toBe(true);
    expect(cache.pendingOutbox()).toEqual([]);
    expect(cache.rejectedOutbox()).toEqual([{ ...entry, rejectedReason: 'customer is archived' }]);
    expect(cache.outboxCounts()).toEqual({ pending: 0, rejected: 1 });
    // A late ack for a refused entry does not make it vanish unseen.
    expect(cache.ackOutbox([entry!.id])).toBe(0);
    expect(cache.rejectOutbox(entry!.id, 'again')).toBe(false);
  });

  it('refuses ids that are not outbox ids', () => {
    const cache = cacheWithMaria();
    expect(failureOf(() => cache.ackOutbox(['not-a-uuid'])).code).toBe('INVALID_INPUT');
    expect(failureOf(() => cache.rejectOutbox(crypto.randomUUID(), ' ')).code).toBe('INVALID_INPUT');
  });
});
