import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneMatch } from '../../../shared/domain/customer';
import type { CallRecord } from '../../../shared/phone/call-record';
import type { LineState } from '../../../shared/phone/line-state';
import type { LineSnapshot } from '../../../shared/phone/phone-protocol';
import { resetCustomersStore, useCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { connectPhone, resetPhoneStore, usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { callsTo, deferred, failure, reply, resetFakeHost, success } from '../renderer/support/fake-host';
import { fakePhone } from './fake-phone';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('../renderer/support/fake-host')).fakeHost }));

const NUMBER = '+639171234567';
const maria = { id: 'c-maria', name: 'Maria Santos' };
const joana = { id: 'c-joana', name: 'Joana Santos' };

const match = (customer: { id: string; name: string }, account: string): PhoneMatch => ({
  customer: { ...customer, tags: [], language: null, primaryPhone: NUMBER, email: null, accountNumbers: [account], matchedBy: 'phone' },
  phone: { label: 'home', number: '0917 123 4567', e164: NUMBER },
  match: 'exact',
  matchedDigits: 12,
});

const line = (callId: string, state: LineState, user = NUMBER): LineSnapshot => ({
  id: 1,
  state,
  callId,
  direction: 'inbound',
  remote: { uri: `sip:${user}@kalma.local`, user, displayName: null },
  startedAt: 1,
  answeredAt: state.name === 'ringing-in' ? null : 2,
  muted: false,
  remoteHold: false,
  signalling: 'ok',
  consultFor: null,
  training: null,
  recording: false,
});

const record = (callId: string): CallRecord => ({
  id: callId,
  direction: 'inbound',
  number: NUMBER,
  remoteUri: `sip:${NUMBER}@kalma.local`,
  customerId: null,
  line: 1,
  startedAt: '2026-03-02T01:00:00.000Z',
  answeredAt: '2026-03-02T01:00:05.000Z',
  endedAt: '2026-03-02T01:03:00.000Z',
  endCause: 'hangup-remote',
  transfers: [],
});

let phone: ReturnType<typeof fakePhone>;
const pop = () => usePhoneStore.getState().screenPops[1];

/** A call from the family's shared number, ringing on line 1, its screen-pop in. */
async function familyCalls(callId = 'call-1'): Promise<void> {
  reply('customers.lookupPhone', success([match(maria, 'PH-1001'), match(joana, 'PH-2002')]));
  phone.push({ type: 'line', line: line(callId, { name: 'ringing-in' }) });
  await vi.waitFor(() => expect(pop()).toMatchObject({ status: 'known', callId }));
}

beforeEach(() => {
  resetFakeHost();
  resetPhoneStore();
  resetCustomersStore();
  phone = fakePhone();
  connectPhone(phone);
});

describe('several customers on one number', () => {
  it('shows the first as the caller ID’s guess and offers both, each with their account', async () => {
    await familyCalls();
    expect(pop()).toEqual({
      callId: 'call-1',
      number: NUMBER,
      status: 'known',
      customerId: 'c-maria',
      name: 'Maria Santos',
      linkedBy: 'caller-id',
      choices: [
        { customerId: 'c-maria', name: 'Maria Santos', detail: { kind: 'account', value: 'PH-1001' } },
        { customerId: 'c-joana', name: 'Joana Santos', detail: { kind: 'account', value: 'PH-2002' } },
      ],
    });
  });

  it('links the call to the one the agent chooses: their card opens and the record carries them', async () => {
    reply('calls.logEnded', success({ id: 'call-1' }));
    await familyCalls();
    expect(await usePhoneStore.getState().linkCustomer('call-1', joana)).toBe(true);
    expect(pop()).toMatchObject({ customerId: 'c-joana', name: 'Joana Santos', linkedBy: 'agent', choices: [{ customerId: 'c-maria' }, { customerId: 'c-joana' }] });
    expect(useCustomersStore.getState().selectedId).toBe('c-joana');
    // Still on the line: the console keeps the choice; the host has nothing to link yet.
    expect(callsTo('calls.linkCustomer')).toEqual([]);

    phone.push({ type: 'line', line: line('call-1', { name: 'ended', cause: 'hangup-remote' }) });
    phone.push({ type: 'callEnded', record: record('call-1') });
    await vi.waitFor(() => expect(callsTo('calls.logEnded')).toEqual([{ ...record('call-1'), customerId: 'c-joana' }]));
    expect(callsTo('calls.linkCustomer')).toEqual([]);
  });

  it('keeps the agent’s choice over a caller-ID answer that arrives after it', async () => {
    const slow = deferred<ReturnType<typeof success<PhoneMatch[]>>>();
    reply('customers.lookupPhone', () => slow.promise);
    phone.push({ type: 'line', line: line('call-2', { name: 'ringing-in' }) });
    await usePhoneStore.getState().linkCustomer('call-2', joana);
    slow.resolve(success([match(maria, 'PH-1001')]));
    await new Promise((next) => setTimeout(next, 10));
    expect(pop()).toMatchObject({ customerId: 'c-joana', linkedBy: 'agent' });
  });
});

describe('linking after the call ended', () => {
  it('asks the host to link a call it already keeps (wrap-up), and says so when the host refuses', async () => {
    reply('calls.logEnded', success({ id: 'call-3' }));
    await familyCalls('call-3');
    phone.push({ type: 'line', line: line('call-3', { name: 'ended', cause: 'hangup-remote' }) });
    phone.push({ type: 'callEnded', record: record('call-3') });
    await vi.waitFor(() => expect(callsTo('calls.logEnded')).toHaveLength(1));
    expect(callsTo('calls.logEnded')[0]).toMatchObject({ customerId: 'c-maria' });

    reply('calls.linkCustomer', success({ ...record('call-3'), customerId: 'c-joana' }));
    expect(await usePhoneStore.getState().linkCustomer('call-3', joana)).toBe(true);
    expect(callsTo('calls.linkCustomer')).toEqual([{ callId: 'call-3', customerId: 'c-joana' }]);
    expect(pop()).toMatchObject({ customerId: 'c-joana', linkedBy: 'agent' });

    reply('calls.linkCustomer', failure('CONFLICT', 'This call was already wrapped up.'));
    expect(await usePhoneStore.getState().linkCustomer('call-3', maria)).toBe(false);
    expect(usePhoneStore.getState().linkProblem).toEqual({ callId: 'call-3', code: 'CONFLICT' });
  });

  it('links a call no line remembers (the console reloaded during wrap-up) through the host', async () => {
    reply('calls.linkCustomer', success({ ...record('call-4'), customerId: 'c-joana' }));
    expect(await usePhoneStore.getState().linkCustomer('call-4', joana)).toBe(true);
    expect(callsTo('calls.linkCustomer')).toEqual([{ callId: 'call-4', customerId: 'c-joana' }]);
    expect(useCustomersStore.getState().selectedId).toBe('c-joana');
  });

  it('sends a link made while the record was on its way to the host after it', async () => {
    const logged = deferred<ReturnType<typeof success<{ id: string }>>>();
    reply('calls.logEnded', () => logged.promise);
    reply('calls.linkCustomer', success({ ...record('call-5'), customerId: 'c-joana' }));
    await familyCalls('call-5');
    phone.push({ type: 'line', line: line('call-5', { name: 'ended', cause: 'hangup-remote' }) });
    phone.push({ type: 'callEnded', record: record('call-5') });
    await vi.waitFor(() => expect(callsTo('calls.logEnded')).toHaveLength(1));

    await usePhoneStore.getState().linkCustomer('call-5', joana);
    expect(callsTo('calls.linkCustomer')).toEqual([]);
    logged.resolve(success({ id: 'call-5' }));
    await vi.waitFor(() => expect(callsTo('calls.linkCustomer')).toEqual([{ callId: 'call-5', customerId: 'c-joana' }]));
    expect(callsTo('calls.logEnded')).toEqual([{ ...record('call-5'), customerId: 'c-maria' }]);
  });
});

describe('a number nobody has', () => {
  const ana = { id: 'c-new', name: 'Ana Reyes', emails: [], accountNumbers: [], language: null, tags: [], phones: [], addresses: [], version: '0' };
  const form = { name: 'Ana Reyes', phones: [{ number: '+14155550142', label: 'mobile' as const }], emails: [], language: null, accountNumbers: [], tags: [], addresses: [] };

  beforeEach(() => {
    reply('customers.create', success(ana));
    reply('customers.get', success({ customer: ana, orders: [] }));
    reply('customers.history', success({ items: [], next: null }));
  });

  it('opens the new-customer form with the number, and links the call to the customer the agent creates', async () => {
    phone.push({ type: 'line', line: line('call-6', { name: 'active' }, '+14155550142') });
    usePhoneStore.getState().newCustomerFor(1);
    expect(useCustomersStore.getState().profileForm).toMatchObject({ mode: 'new', number: '+14155550142' });
    expect(await useCustomersStore.getState().createCustomer(form)).toBe(true);
    await vi.waitFor(() => expect(pop()).toMatchObject({ status: 'known', customerId: 'c-new', name: 'Ana Reyes', linkedBy: 'agent', choices: [] }));
  });

  it('links nobody when the agent closes the form, even if they create someone later from the panel', async () => {
    phone.push({ type: 'line', line: line('call-7', { name: 'active' }, '+14155550142') });
    usePhoneStore.getState().newCustomerFor(1);
    useCustomersStore.getState().closeProfile();
    useCustomersStore.getState().startNewCustomer();
    expect(await useCustomersStore.getState().createCustomer(form)).toBe(true);
    expect(pop()).toBeNull();
  });
});
