import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../shared/phone/call-record';
import { customer, openTestCache, tempFile } from './cache-fixtures';

const RHEA = { id: 'u1', name: 'Rhea' };

function callRecord(fields: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'a84kd0@kalma-3f9a',
    direction: 'inbound',
    number: '+639171234567',
    remoteUri: 'sip:+639171234567@pbx.example',
    customerId: 'c1',
    line: 1,
    startedAt: '2025-03-01T02:00:00.000Z',
    answeredAt: '2025-03-01T02:00:07.000Z',
    endedAt: '2025-03-01T02:04:07.000Z',
    endCause: 'hangup-local',
    transfers: [],
    ...fields,
  } as CallRecord;
}

function cacheWithMaria() {
  const cache = openTestCache(tempFile(), { now: () => new Date('2025-03-01T02:05:00.000Z') });
  cache.applyBatch([customer('c1', 'Maria Santos')], 'k1');
  return cache;
}

const kinds = (cache: ReturnType<typeof cacheWithMaria>) => cache.pendingOutbox().map((e) => e.kind);

describe('recordCall: an ended call is kept and queued; an answered one waits for its wrap-up', () => {
  it('keeps an answered call and queues it; it goes on the timeline with its wrap-up', () => {
    const cache = cacheWithMaria();
    expect(cache.recordCall(callRecord(), RHEA)).toEqual({ recorded: true, needsWrapUp: true, interaction: null });
    expect(cache.callAwaitingWrapUp()?.id).toBe('a84kd0@kalma-3f9a');
    expect(cache.history('c1')).toEqual([]);
    expect(kinds(cache)).toEqual(['call.record']);
  });

  it('puts a call nobody answered on the timeline at once: there is nothing to wrap up', () => {
    const cache = cacheWithMaria();
    const { needsWrapUp, interaction } = cache.recordCall(callRecord({ answeredAt: null, endCause: 'missed' }), RHEA);
    expect(needsWrapUp).toBe(false);
    expect(interaction).toMatchObject({ kind: 'call', customerId: 'c1', durationSec: 0, disposition: null, pendingSync: true });
    expect(cache.callAwaitingWrapUp()).toBeNull();
    expect(kinds(cache)).toEqual(['call.record', 'interaction.create']);
  });

  it('keeps a record reported twice once, and queues it once', () => {
    const cache = cacheWithMaria();
    cache.recordCall(callRecord(), RHEA);
    expect(cache.recordCall(callRecord(), RHEA)).toEqual({ recorded: false, needsWrapUp: false, interaction: null });
    expect(cache.outboxCounts().pending).toBe(1);
    expect(cache.recentCalls().map((c) => c.id)).toEqual(['a84kd0@kalma-3f9a']);
  });

  it('keeps a call from a number nobody has, and the record of a customer gone from the cache', () => {
    const cache = openTestCache(tempFile());
    expect(cache.recordCall(callRecord({ id: 'x1', customerId: null, answeredAt: null, endCause: 'no-answer' }), RHEA).recorded).toBe(true);
    expect(cache.recordCall(callRecord({ id: 'x2', customerId: 'gone', answeredAt: null, endCause: 'missed' }), RHEA).interaction).toBeNull();
    expect(cache.recentCalls().map((c) => c.customerId).sort()).toEqual(['gone', null]);
  });

  it('refuses a malformed record and writes nothing', () => {
    const cache = openTestCache(tempFile());
    expect(() => cache.recordCall(callRecord({ line: 3 as 1 }), RHEA)).toThrow(/call record/);
    expect(() => cache.recordCall({ ...callRecord(), endedAt: 'yesterday' }, RHEA)).toThrow(/call record/);
    expect(cache.recentCalls()).toEqual([]);
    expect(cache.outboxCounts().pending).toBe(0);
  });
});

describe('wrapUpCall: the disposition, notes and follow-up of an answered call', () => {
  it('puts the call on the timeline with its disposition and notes, schedules the callback, and queues all three', () => {
    const cache = cacheWithMaria();
    cache.recordCall(callRecord(), RHEA);
    const { interactions } = cache.wrapUpCall(
      { callId: 'a84kd0@kalma-3f9a', disposition: 'callback_scheduled', notes: 'Wants the refund status tomorrow', followUpAt: '2025-03-02T01:00:00.000Z', surveyRequested: true },
      RHEA,
    );
    expect(interactions).toEqual([
      expect.objectContaining({ kind: 'call', durationSec: 240, disposition: 'callback_scheduled', text: 'Wants the refund status tomorrow' }),
      expect.objectContaining({ kind: 'callback', dueAt: '2025-03-02T01:00:00.000Z', phone: '+639171234567', status: 'scheduled' }),
    ]);
    expect(cache.history('c1').map((i) => i.kind).sort()).toEqual(['call', 'callback']);
    expect(cache.callAwaitingWrapUp()).toBeNull();
    expect(kinds(cache)).toEqual(['call.record', 'call.wrapUp', 'interaction.create', 'interaction.create']);
    expect(cache.pendingOutbox()[1]!.payload).toMatchObject({ disposition: 'callback_scheduled', surveyRequested: true, automatic: false, wrappedUpAt: '2025-03-01T02:05:00.000Z' });
  });

  it('refuses a second wrap-up of the same call and one for a call not on record, changing nothing', () => {
    const cache = cacheWithMaria();
    cache.recordCall(callRecord(), RHEA);
    cache.wrapUpCall({ callId: 'a84kd0@kalma-3f9a', disposition: 'resolved' }, RHEA);
    expect(() => cache.wrapUpCall({ callId: 'a84kd0@kalma-3f9a', disposition: 'escalated' }, RHEA)).toThrow(/already wrapped up/);
    expect(() => cache.wrapUpCall({ callId: 'never-rang', disposition: 'resolved' }, RHEA)).toThrow(/not on record/);
    expect(() => cache.wrapUpCall({ callId: 'a84kd0@kalma-3f9a', disposition: 'Not A Code!' }, RHEA)).toThrow(/wrap-up/);
    expect(cache.outboxCounts().pending).toBe(3);
  });

  it('wraps up a call from a number nobody has without a timeline entry', () => {
    const cache = cacheWithMaria();
    cache.recordCall(callRecord({ customerId: null }), RHEA);
    expect(cache.wrapUpCall({ callId: 'a84kd0@kalma-3f9a', disposition: 'wrong_number', followUpAt: '2025-03-02T01:00:00.000Z' }, RHEA).interactions).toEqual([]);
    expect(kinds(cache)).toEqual(['call.record', 'call.wrapUp']);
  });
});
