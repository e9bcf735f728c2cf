import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../shared/contract/core';
import { customer, openTestCache, tempFile } from './cache-fixtures';

const NOW = new Date('2025-03-01T09:30:00Z');
let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

const failureOf = (fn: () => unknown): ContractFailure => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractFailure) return error;
    throw error;
  }
  throw new Error('expected a ContractFailure');
};

function manilaCache(file = tempFile()) {
  return openTestCache(file, { region: 'PH', now: () => NOW, newId });
}

const MARIA = { name: 'Maria dela Cruz', phones: [{ number: '0917 555 0199' }], emails: ['maria.delacruz@example.ph'], language: 'fil' };

describe('creating a customer: the row and its outbox entry together', () => {
  it('is on the card at once, with the number as E.164, and queued for the server exactly as written', () => {
    const file = tempFile();
    const cache = manilaCache(file);
    const created = cache.editor.create(MARIA);
    expect(created).toMatchObject({
      name: 'Maria dela Cruz',
      phones: [{ number: '+639175550199', label: 'mobile', e164: '+639175550199' }],
      emails: ['maria.delacruz@example.ph'],
      language: 'fil',
      version: '0',
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    cache.close();

    // Both survive a restart: nothing the agent typed lives only in memory.
    const reopened = openTestCache(file);
    expect(reopened.getCustomer(created.id)).toEqual(created);
    const [entry] = reopened.pendingOutbox();
    expect(entry).toMatchObject({
      kind: 'customer.create',
      payload: {
        id: created.id,
        name: 'Maria dela Cruz',
        phones: [{ number: '+639175550199', label: 'mobile' }],
        emails: ['maria.delacruz@example.ph'],
        createdAt: NOW.toISOString(),
      },
    });
    expect(entry?.id).not.toBe(created.id);
  });

  it('is found by caller ID in the local forms people type, and by search', () => {
    const cache = manilaCache();
    const { id } = cache.editor.create(MARIA);
    for (const raw of ['09175550199', '0917-555-0199', '+63 917 555 0199', '917 555 0199']) {
      expect(cache.lookupByPhone(raw).map((m) => m.customer.id), raw).toEqual([id]);
    }
    expect(cache.search('dela cruz').map((h) => h.id)).toEqual([id]);
    expect(cache.search('maria.delacruz').map((h) => h.id)).toEqual([id]);
  });

  it('writes neither when the outbox cannot take it', () => {
    const file = tempFile();
    const cache = manilaCache(file);
    const side = new Database(file);
    side.exec("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox full'); END");
    side.close();
    expect(() => cache.editor.create(MARIA)).toThrow(/outbox full/);
    expect(cache.search('dela cruz')).toEqual([]);
    expect(cache.lookupByPhone('0917 555 0199')).toEqual([]);
  });

  it('refuses a number or email that cannot be one, naming the field, and writes nothing', () => {
    const cache = manilaCache();
    const phone = failureOf(() => cache.editor.create({ ...MARIA, phones: [{ number: '0917 555 0199' }, { number: '12' }] }));
    expect(phone.code).toBe('INVALID_INPUT');
    expect(phone.issues).toEqual([{ path: 'phones.1.number', message: 'phone_too_short' }]);
    const email = failureOf(() => cache.editor.create({ ...MARIA, emails: ['maria@'] }));
    expect(email.issues).toEqual([{ path: 'emails.0', message: 'email' }]);
    const twice = failureOf(() => cache.editor.create({ ...MARIA, phones: [{ number: '0917 555 0199' }, { number: '+639175550199' }] }));
    expect(twice.issues).toEqual([{ path: 'phones.1.number', message: 'duplicate' }]);
    expect(failureOf(() => cache.editor.create({ ...MARIA, name: '  ' })).issues?.[0]).toMatchObject({ path: 'name', message: 'required' });
    expect(cache.outboxCounts()).toEqual({ pending: 0, rejected: 0 });
    expect(cache.search('dela cruz')).toEqual([]);
  });

  it("is replaced, not doubled, when the server's copy comes back in a pull", () => {
    const cache = manilaCache();
    const created = cache.editor.create(MARIA);
    cache.applyBatch([customer(created.id, 'Maria dela Cruz', { phones: [{ number: '+639175550199' }], emails: MARIA.emails, language: 'fil', version: 501 })], 'k1');
    expect(cache.search('dela cruz')).toHaveLength(1);
    expect(cache.lookupByPhone('0917 555 0199')).toHaveLength(1);
    expect(cache.getCustomer(created.id)).toMatchObject({ version: '501', name: 'Maria dela Cruz' });
  });
});

describe('editing a profile', () => {
  function cacheWithAna() {
    const cache = manilaCache();
    cache.applyBatch(
      [
        customer('ana', 'Ana Reyes', {
          phones: [{ number: '0917 123 4567' }, { number: 'ask for Lola', label: 'home' }],
          emails: ['old@example.ph'],
          tags: ['vip'],
          version: 40,
        }),
      ],
      'k1',
    );
    return cache;
  }

  it('changes the fields here at once and queues only those, with the version the agent saw', () => {
    const cache = cacheWithAna();
    const updated = cache.editor.update({ customerId: 'ana', baseVersion: '40', changes: { emails: ['ana.reyes@example.ph'], name: 'Ana M. Reyes' } });
    expect(updated).toMatchObject({ name: 'Ana M. Reyes', emails: ['ana.reyes@example.ph'], tags: ['vip'], version: '40' });
    expect(cache.search('ana.reyes').map((h) => h.id)).toEqual(['ana']);
    expect(cache.search('old@example')).toEqual([]);
    expect(cache.pendingOutbox()).toMatchObject([
      {
        kind: 'customer.update',
        payload: { customerId: 'ana', baseVersion: '40', changes: { emails: ['ana.reyes@example.ph'], name: 'Ana M. Reyes' }, editedAt: NOW.toISOString() },
      },
    ]);
  });

  it('reads a new number under the agent region and keeps the numbers already there, odd ones too', () => {
    const cache = cacheWithAna();
    const phones = [{ number: '0917 123 4567' }, { number: 'ask for Lola', label: 'home' as const }, { number: '0918 222 3333', label: 'work' as const }];
    const updated = cache.editor.update({ customerId: 'ana', baseVersion: '40', changes: { phones } });
    expect(updated.phones.map((p) => [p.number, p.label])).toEqual([
      ['+639171234567', 'mobile'],
      ['ask for Lola', 'home'],
      ['+639182223333', 'work'],
    ]);
    expect(cache.lookupByPhone('0918 222 3333').map((m) => m.customer.id)).toEqual(['ana']);
    const bad = failureOf(() => cache.editor.update({ customerId: 'ana', baseVersion: '40', changes: { phones: [{ number: 'call me' }] } }));
    expect(bad.issues).toEqual([{ path: 'changes.phones.0.number', message: 'phone_not_a_number' }]);
  });

  it("gives way to the server's merged row when it is pulled", () => {
    const cache = cacheWithAna();
    cache.editor.update({ customerId: 'ana', baseVersion: '40', changes: { tags: ['vip', 'repeat'] } });
    // Someone else's name change won on the server together with ours.
    cache.applyBatch([customer('ana', 'Ana Reyes-Santos', { tags: ['vip', 'repeat'], phones: [{ number: '0917 123 4567' }], version: 45 })], 'k2');
    expect(cache.getCustomer('ana')).toMatchObject({ name: 'Ana Reyes-Santos', tags: ['vip', 'repeat'], version: '45' });
  });

  it('refuses an edit of a customer not on this computer, and an edit with nothing in it', () => {
    const cache = cacheWithAna();
    expect(failureOf(() => cache.editor.update({ customerId: 'nobody', baseVersion: '1', changes: { name: 'X' } })).code).toBe('NOT_FOUND');
    expect(failureOf(() => cache.editor.update({ customerId: 'ana', baseVersion: '40', changes: {} })).code).toBe('INVALID_INPUT');
    expect(cache.outboxCounts()).toEqual({ pending: 0, rejected: 0 });
    expect(cache.getCustomer('ana')?.name).toBe('Ana Reyes');
  });
});
