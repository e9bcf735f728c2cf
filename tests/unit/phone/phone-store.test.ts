import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallRecord } from '../../../shared/phone/call-record';
import { DEFAULT_PHONE_SETTINGS } from '../../../shared/phone/phone-settings';
import { connectPhone, resetPhoneStore, usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { callsTo, failure, reply, resetFakeHost, success } from '../renderer/support/fake-host';
import { fakePhone, provisioning } from './fake-phone';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('../renderer/support/fake-host')).fakeHost }));

let phone: ReturnType<typeof fakePhone>;

beforeEach(() => {
  resetFakeHost();
  resetPhoneStore();
  phone = fakePhone();
  connectPhone(phone);
  reply('phone.settings', success({ ...DEFAULT_PHONE_SETTINGS, autoAnswer: true, outputDeviceId: 'headset-1' }));
});
afterEach(() => {
  vi.useRealTimers();
});

const rejected = {
  type: 'registration',
  registration: { status: 'failed', problem: 'rejected', sipStatus: 403, since: 0, uri: provisioning.uri },
} as const;

describe('the phone after sign-in', () => {
  it('applies this machine’s settings, then registers with what the server provisioned', async () => {
    reply('phone.provisioning', success({ status: 'ready', provisioning }));
    await usePhoneStore.getState().start();
    expect(usePhoneStore.getState().setup).toBe('ready');
    expect(phone.commands).toEqual([
      { type: 'setAutoAnswer', enabled: true },
      { type: 'setDtmfTransport', transport: 'rfc4733' },
      { type: 'setVoiceProcessing', enabled: false },
      { type: 'setInputDevice', deviceId: null },
      { type: 'setOutputDevice', deviceId: 'headset-1' },
      { type: 'setTakingCalls', taking: true, refusal: 'busy' },
      { type: 'register', provisioning },
    ]);
  });

  it('turns calls away while the agent is not taking them, the way this machine is set to', async () => {
    reply('phone.provisioning', success({ status: 'ready', provisioning }));
    await usePhoneStore.getState().start();
    usePhoneStore.getState().setTakingCalls(false);
    await usePhoneStore.getState().saveSettings({ whenAway: 'decline' });
    usePhoneStore.getState().setTakingCalls(true);
    expect(phone.of('setTakingCalls')).toEqual([
      { type: 'setTakingCalls', taking: true, refusal: 'busy' },
      { type: 'setTakingCalls', taking: false, refusal: 'busy' },
      { type: 'setTakingCalls', taking: false, refusal: 'decline' },
      { type: 'setTakingCalls', taking: true, refusal: 'decline' },
    ]);
  });

  it('says "not configured" and registers nothing on a server without a phone system', async () => {
    reply('phone.provisioning', success({ status: 'not-configured' }));
    await usePhoneStore.getState().start();
    expect(usePhoneStore.getState().setup).toBe('not-configured');
    expect(phone.of('register')).toEqual([]);
  });

  it('keeps asking an unreachable server, and registers once it answers', async () => {
    vi.useFakeTimers();
    reply('phone.provisioning', failure('UNAVAILABLE'));
    await usePhoneStore.getState().start();
    expect(usePhoneStore.getState()).toMatchObject({ setup: 'error', setupError: { code: 'UNAVAILABLE' } });
    reply('phone.provisioning', success({ status: 'ready', provisioning }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(usePhoneStore.getState().setup).toBe('ready');
    expect(phone.of('register')).toHaveLength(1);
  });

  it('renews the credential well before it expires, without re-registering from scratch', async () => {
    vi.useFakeTimers();
    reply('phone.provisioning', success({ status: 'ready', provisioning }));
    await usePhoneStore.getState().start();
    const fresh = { ...provisioning, password: 'ZnJlc2g=' };
    reply('phone.provisioning', success({ status: 'ready', provisioning: fresh }));
    // The credential is good for an hour: renewed at 80 % of it, not at the last second.
    await vi.advanceTimersByTimeAsync(0.8 * 3_600_000 + 1_000);
    expect(phone.of('updateCredentials')).toEqual([{ type: 'updateCredentials', provisioning: fresh }]);
    expect(phone.of('register')).toHaveLength(1);
  });

  it('fetches a fresh credential after the SIP server refuses one, backing off', async () => {
    vi.useFakeTimers();
    reply('phone.provisioning', success({ status: 'ready', provisioning }));
    await usePhoneStore.getState().start();
    phone.push(rejected);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(phone.of('register')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(phone.of('register')).toHaveLength(2);
    phone.push(rejected);
    await vi.advanceTimersByTimeAsync(16_000);
    expect(phone.of('register')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(16_000);
    expect(phone.of('register')).toHaveLength(3);
  });

  it('hangs up and unregisters on sign-out, and stops renewing', async () => {
    vi.useFakeTimers();
    reply('phone.provisioning', success({ status: 'ready', provisioning }));
    await usePhoneStore.getState().start();
    usePhoneStore.getState().stop();
    expect(phone.commands.at(-1)).toEqual({ type: 'unregister' });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(callsTo('phone.provisioning')).toHaveLength(1);
  });
});

describe('call records', () => {
  const record: CallRecord = {
    id: 'abc123',
    direction: 'inbound',
    number: '+639171234567',
    remoteUri: 'sip:+639171234567@kalma.local',
    customerId: null,
    line: 1,
    startedAt: '2026-03-02T01:00:00.000Z',
    answeredAt: '2026-03-02T01:00:04.000Z',
    endedAt: '2026-03-02T01:03:00.000Z',
    endCause: 'hangup-remote',
    transfers: [],
  };

  it('go to the host when a call ends, and are sent again if the host did not take them', async () => {
    vi.useFakeTimers();
    reply('calls.logEnded', failure('UNAVAILABLE'));
    phone.push({ type: 'callEnded', record });
    await vi.advanceTimersByTimeAsync(0);
    reply('calls.logEnded', success({ id: record.id }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(callsTo('calls.logEnded')).toEqual([record, record]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(callsTo('calls.logEnded')).toHaveLength(2);
  });
});

describe('settings', () => {
  it('apply to the phone at once and are saved on the host', async () => {
    reply('phone.saveSettings', (input) => success({ ...DEFAULT_PHONE_SETTINGS, ...(input as object) }));
    await usePhoneStore.getState().saveSettings({ outputDeviceId: 'speaker-2', dtmfTransport: 'info' });
    expect(phone.commands).toEqual([
      { type: 'setDtmfTransport', transport: 'info' },
      { type: 'setOutputDevice', deviceId: 'speaker-2' },
    ]);
    expect(callsTo('phone.saveSettings')).toEqual([{ outputDeviceId: 'speaker-2', dtmfTransport: 'info' }]);
    expect(usePhoneStore.getState().settings).toMatchObject({ outputDeviceId: 'speaker-2', dtmfTransport: 'info' });
  });
});
