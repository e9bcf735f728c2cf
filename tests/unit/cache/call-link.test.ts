import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../shared/phone/call-record';
import { customer, openTestCache, tempFile } from './cache-fixtures';

const RHEA = { id: 'u1', name: 'Rhea' };
const CALL = 'k3j9@kalma-77aa';

const answered = (fields: Partial<CallRecord> = {}): CallRecord => ({
  id: CALL,
  direction: 'inbound',
  number: '+639171234567',
  remoteUri: 'sip:+639171234567@pbx.example',
  customerId: 'c-maria',
  line: 1,
  startedAt: '2025-03-01T02:00:00.000Z',
  answeredAt: '2025-03-01T02:00:07.000Z',
  endedAt: '2025-03-01T02:04:07.000Z',
  endCause: 'hangup-remote',
  transfers: [],
  ...fields,
});

/** Maria and Joana share a number; the caller ID guessed Maria. */
function familyCache(file = tempFile()) {
  const cache = openTestCache(file, { now: () => new Date('2025-03-01T02:05:00.000Z') });
  cache.applyBatch([customer('c-maria', 'Maria Santos'), customer('c-joana', 'Joana Santos'), customer('c-lola', 'Lola Santos')], 'k1');
  return cache;
}

describe('linking a call waiting for its wrap-up to another customer', () => {
  it('puts the wrapped-up call on the linked customer’s timeline, not the guessed one’s, and the wrap-up carries them up', () => {
    const cache = familyCache();
    cache.recordCall(answered(), RHEA);
    expect(cache.linkCall(CALL, 'c-joana')).toMatchObject({ id: CALL, customerId: 'c-joana' });
    expect(cache.callAwaitingWrapUp()).toMatchObject({ id: CALL, customerId: 'c-joana' });
    // Nothing queued by the link itself: the record already went up, and the wrap-up says who.
    expect(cache.pendingOutbox().map((e) => e.kind)).toEqual(['call.record']);

    const { interactions } = cache.wrapUpCall({ callId: CALL, disposition: 'resolved', notes: 'Joana, not her mother' }, RHEA);
    expect(interactions).toEqual([expect.objectContaining({ kind: 'call', customerId: 'c-joana', text: 'Joana, not her mother' })]);
    expect(cache.history('c-joana').map((i) => i.kind)).toEqual(['call']);
    expect(cache.history('c-maria')).toEqual([]);
    const queued = cache.pendingOutbox();
    expect(queued.map((e) => e.kind)).toEqual(['call.record', 'call.wrapUp', 'interaction.create']);
    expect(queued[0]!.payload).toMatchObject({ customerId: 'c-maria' });
    expect(queued[1]!.payload).toMatchObject({ callId: CALL, customerId: 'c-joana' });
  });

  it('keeps the link when the console restarts before the wrap-up, and the last link wins', () => {
    const file = tempFile();
    const first = familyCache(file);
    first.recordCall(answered(), RHEA);
    first.linkCall(CALL, 'c-joana');
    first.linkCall(CALL, 'c-lola');
    first.close();
    const again = openTestCache(file);
    expect(again.callAwaitingWrapUp()).toMatchObject({ id: CALL, customerId: 'c-lola' });
  });

  it('links a call from a number nobody had to the customer the agent names', () => {
    const cache = familyCache();
    cache.recordCall(answered({ customerId: null }), RHEA);
    cache.linkCall(CALL, 'c-maria');
    const { interactions } = cache.wrapUpCall({ callId: CALL, disposition: 'resolved' }, RHEA);
    expect(interactions.map((i) => i.customerId)).toEqual(['c-maria']);
    expect(cache.pendingOutbox()[1]!.payload).toMatchObject({ customerId: 'c-maria' });
  });

  it('refuses what can no longer change, a call not on record and a customer the cache does not hold', () => {
    const cache = familyCache();
    expect(() => cache.linkCall('never-rang', 'c-joana')).toThrow(/not on record/);
    cache.recordCall(answered({ id: 'missed', answeredAt: null, endCause: 'missed' }), RHEA);
    expect(() => cache.linkCall('missed', 'c-joana')).toThrow(/not answered/);
    cache.recordCall(answered(), RHEA);
    expect(() => cache.linkCall(CALL, 'c-nobody')).toThrow(/no customer c-nobody/);
    cache.wrapUpCall({ callId: CALL, disposition: 'resolved' }, RHEA);
    expect(() => cache.linkCall(CALL, 'c-joana')).toThrow(/already wrapped up/);
    expect(cache.recentCalls().map((c) => c.customerId)).toEqual(['c-maria', 'c-maria']);
  });
});
