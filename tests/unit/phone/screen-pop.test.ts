import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneMatch } from '../../../shared/domain/customer';
import type { CallRecord } from '../../../shared/phone/call-record';
import type { LineSnapshot } from '../../../shared/phone/phone-protocol';
import { connectPhone, resetPhoneStore, usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { callerOf, isGuess, isPhoneNumber } from '../../../renderer/src/features/phone/screen-pop';
import { callsTo, deferred, failure, reply, resetFakeHost, success } from '../renderer/support/fake-host';
import { fakePhone } from './fake-phone';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('../renderer/support/fake-host')).fakeHost }));

const maria = { id: 'c-maria', name: 'Maria Santos' };
const joana = { id: 'c-joana', name: 'Joana Souza' };

type Who = { id: string; name: string; email?: string; accountNumbers?: string[] };

function match(customer: Who, kind: 'exact' | 'suffix', matchedDigits: number): PhoneMatch {
  return {
    customer: { tags: [], language: null, primaryPhone: null, email: null, accountNumbers: [], matchedBy: 'phone', ...customer },
    phone: { label: 'mobile', number: '0917 123 4567', e164: '+639171234567' },
    match: kind,
    matchedDigits,
  };
}

describe('who is calling', () => {
  it('only looks up caller IDs that are numbers, not agents calling each other', () => {
    expect(isPhoneNumber('+639171234567')).toBe(true);
    expect(isPhoneNumber('0917 123 4567')).toBe(true);
    expect(isPhoneNumber('(415) 555-0134')).toBe(true);
    expect(isPhoneNumber('alice-w0-1a2b3c-1')).toBe(false);
    expect(isPhoneNumber('12')).toBe(false);
    expect(isPhoneNumber('anonymous')).toBe(false);
  });

  it('names the customer an exact match belongs to, offering everyone who shares the number', () => {
    expect(callerOf([match(maria, 'exact', 12)])).toEqual({
      customerId: 'c-maria',
      name: 'Maria Santos',
      choices: [{ customerId: 'c-maria', name: 'Maria Santos', detail: null }],
    });
    expect(callerOf([match(maria, 'exact', 12), match(joana, 'exact', 12)])).toMatchObject({
      customerId: 'c-maria',
      choices: [{ customerId: 'c-maria' }, { customerId: 'c-joana' }],
    });
    expect(callerOf([match(joana, 'suffix', 10), match(maria, 'exact', 12)])).toMatchObject({ customerId: 'c-maria', choices: [{ customerId: 'c-maria' }] });
  });

  it('tells customers on one number apart by account number, else by email, and lists each once', () => {
    const family = [
      match({ ...maria, accountNumbers: ['PH-1001', 'PH-1002'], email: 'maria@example.ph' }, 'exact', 12),
      match({ ...joana, email: 'joana@example.com' }, 'exact', 12),
      // Maria's second number is the same one: she is still one choice.
      match({ ...maria, accountNumbers: ['PH-1001'] }, 'exact', 12),
      match({ id: 'c-lola', name: 'Lola Santos' }, 'exact', 12),
    ];
    expect(callerOf(family)?.choices).toEqual([
      { customerId: 'c-maria', name: 'Maria Santos', detail: { kind: 'account', value: 'PH-1001' } },
      { customerId: 'c-joana', name: 'Joana Souza', detail: { kind: 'email', value: 'joana@example.com' } },
      { customerId: 'c-lola', name: 'Lola Santos', detail: null },
    ]);
  });

  it('calls the first of several a guess until the agent chooses; one match, or the agent’s choice, is not', () => {
    const shared = { callId: 'call-1', number: '+639171234567', status: 'known' as const, customerId: 'c-maria', name: 'Maria Santos' };
    const choices = callerOf([match(maria, 'exact', 12), match(joana, 'exact', 12)])!.choices;
    expect(isGuess({ ...shared, choices, linkedBy: 'caller-id' })).toBe(true);
    expect(isGuess({ ...shared, choices: choices.slice(0, 1), linkedBy: 'caller-id' })).toBe(false);
    expect(isGuess({ ...shared, choices, linkedBy: 'agent' })).toBe(false);
    expect(isGuess({ callId: 'call-1', number: '+639171234567', status: 'unknown' })).toBe(false);
    expect(isGuess(null)).toBe(false);
  });

  it('trusts a partial caller ID only when enough trailing digits agree', () => {
    expect(callerOf([match(joana, 'suffix', 6)])).toBeNull();
    expect(callerOf([match(joana, 'suffix', 7), match(maria, 'suffix', 9)])).toMatchObject({ customerId: 'c-maria', choices: [{ customerId: 'c-maria' }] });
    expect(callerOf([])).toBeNull();
  });
});

describe('screen-pop in the phone store', () => {
  let phone: ReturnType<typeof fakePhone>;
  const ringing = (callId: string, user: string, id: 1 | 2 = 1): LineSnapshot => ({
    id,
    state: { name: 'ringing-in' },
    callId,
    direction: 'inbound',
    remote: { uri: `sip:${user}@kalma.local`, user, displayName: null },
    startedAt: 1,
    answeredAt: null,
    muted: false,
    remoteHold: false,
    signalling: 'ok',
    consultFor: null,
    training: null,
    recording: false,
  });

  beforeEach(() => {
    resetFakeHost();
    resetPhoneStore();
    phone = fakePhone();
    connectPhone(phone);
  });

  it('shows the customer for a known number, and the call record carries them', async () => {
    reply('customers.lookupPhone', success([match(maria, 'exact', 12)]));
    reply('calls.logEnded', success({ id: 'call-1' }));
    phone.push({ type: 'line', line: ringing('call-1', '+639171234567') });
    await vi.waitFor(() => expect(usePhoneStore.getState().screenPops[1]).toMatchObject({ status: 'known', name: 'Maria Santos', callId: 'call-1' }));
    expect(callsTo('customers.lookupPhone')).toEqual([{ number: '+639171234567', limit: 10 }]);

    const record: CallRecord = {
      id: 'call-1',
      direction: 'inbound',
      number: '+639171234567',
      remoteUri: 'sip:+639171234567@kalma.local',
      customerId: null,
      line: 1,
      startedAt: '2026-03-02T01:00:00.000Z',
      answeredAt: null,
      endedAt: '2026-03-02T01:00:09.000Z',
      endCause: 'hangup-remote',
      transfers: [],
    };
    phone.push({ type: 'callEnded', record });
    await vi.waitFor(() => expect(callsTo('calls.logEnded')).toEqual([{ ...record, customerId: 'c-maria' }]));
  });

  it('says "new customer" for a number nobody has, and shows the number alone when the cache cannot answer', async () => {
    reply('customers.lookupPhone', success([]));
    phone.push({ type: 'line', line: ringing('call-2', '+14155550142') });
    await vi.waitFor(() => expect(usePhoneStore.getState().screenPops[1]).toMatchObject({ status: 'unknown', number: '+14155550142' }));

    reply('customers.lookupPhone', failure('UNAVAILABLE'));
    phone.push({ type: 'line', line: ringing('call-3', '+14155550143', 2) });
    await vi.waitFor(() => expect(usePhoneStore.getState().screenPops[2]).toMatchObject({ status: 'failed', callId: 'call-3' }));
  });

  it('never lets a slow answer for an earlier call name the caller of a later one', async () => {
    const slow = deferred<ReturnType<typeof success<PhoneMatch[]>>>();
    reply('customers.lookupPhone', () => slow.promise);
    phone.push({ type: 'line', line: ringing('call-4', '+639171234567') });
    reply('customers.lookupPhone', success([]));
    phone.push({ type: 'line', line: ringing('call-5', '+14155550142') });
    await vi.waitFor(() => expect(usePhoneStore.getState().screenPops[1]).toMatchObject({ status: 'unknown', callId: 'call-5' }));
    slow.resolve(success([match(maria, 'exact', 12)]));
    await new Promise((next) => setTimeout(next, 10));
    expect(usePhoneStore.getState().screenPops[1]).toMatchObject({ status: 'unknown', callId: 'call-5' });
  });

  it('looks nothing up for an agent calling', async () => {
    phone.push({ type: 'line', line: ringing('call-6', 'bruno') });
    await new Promise((next) => setTimeout(next, 10));
    expect(callsTo('customers.lookupPhone')).toEqual([]);
    expect(usePhoneStore.getState().screenPops[1]).toBeNull();
  });
});
