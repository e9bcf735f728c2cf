// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MonitorGrantIssued } from '../../../shared/contract/monitoring';
import { idleLine, type LineSnapshot, type PhoneCommandInput, type PhoneEvent, type PhonePort } from '../../../shared/phone/phone-protocol';
import { connectMonitoring, resetMonitoringStore, useMonitoringStore } from '../../../renderer/src/features/monitoring/monitoring-store';
import { resetPhoneStore, usePhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { useCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { flush } from './support/dom';
import { callsTo, failure, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

/**
 * The supervisor's monitoring call as the store runs it against a phone that only records commands
 * and plays back line events: the grant asked for, the leg dialled with it, modes within the grant,
 * and a take-over that leaves the supervisor with the customer's call, linked to the customer.
 */

const grant = {
  v: 1 as const,
  id: '6f1d6f2e-6c0a-4c59-9d8e-1f1c2a3b4c5d',
  keyId: 'k1',
  supervisorId: 'sup-1',
  supervisorName: 'Jose Reyes',
  agentId: 'agent-1',
  callId: 'agent-call-1',
  modes: ['listen' as const, 'whisper' as const],
  showListening: true,
  issuedAt: '2026-12-02T10:00:00.000Z',
  expiresAt: '2026-12-02T10:01:00.000Z',
};
const issued: MonitorGrantIssued = { token: 'cGF5bG9hZA.c2lnbmF0dXJl', grant, target: 'sip:maria@kalma.local' };

function fakePhone() {
  const sent: PhoneCommandInput[] = [];
  let listener: ((event: PhoneEvent) => void) | null = null;
  const port: PhonePort = {
    send: (command) => void sent.push(command),
    subscribe: (l) => {
      listener = l;
      return () => (listener = null);
    },
  };
  const line = (callId: string, state: LineSnapshot['state']): void =>
    listener?.({
      type: 'line',
      line: { ...idleLine(1), state, callId, direction: 'outbound', startedAt: 1 },
    });
  return { port, sent, line, emit: (event: PhoneEvent) => listener?.(event) };
}

beforeEach(() => {
  resetFakeHost();
  resetMonitoringStore();
  resetPhoneStore();
});
afterEach(() => resetMonitoringStore());

describe('the supervisor’s monitoring call', () => {
  it('asks for a grant, dials the agent’s phone with it, and shows the mode the agent’s phone reports', async () => {
    const phone = fakePhone();
    connectMonitoring(phone.port);
    reply('monitoring.requestGrant', success(issued));
    await useMonitoringStore.getState().start({ id: 'agent-1', name: 'Maria' }, 'agent-call-1', 'whisper');
    expect(callsTo('monitoring.requestGrant')).toEqual([{ agentId: 'agent-1', callId: 'agent-call-1', modes: ['listen', 'whisper', 'barge'] }]);
    expect(phone.sent).toEqual([{ type: 'monitor', target: 'sip:maria@kalma.local', token: issued.token, mode: 'whisper', display: 'Maria' }]);

    phone.line('leg-1', { name: 'dialing' });
    phone.line('leg-1', { name: 'active' });
    expect(useMonitoringStore.getState().session).toMatchObject({ status: 'connected', line: 1, mode: 'whisper' });

    useMonitoringStore.getState().setMode('listen');
    expect(phone.sent.at(-1)).toEqual({ type: 'setMonitorMode', line: 1, mode: 'listen' });
    phone.emit({ type: 'monitorMode', line: 1, mode: 'listen' });
    expect(useMonitoringStore.getState().session?.mode).toBe('listen');
  });

  it('says when the server refuses, and dials nothing', async () => {
    const phone = fakePhone();
    connectMonitoring(phone.port);
    reply('monitoring.requestGrant', failure('FORBIDDEN', 'not your team'));
    await useMonitoringStore.getState().start({ id: 'agent-1', name: 'Maria' }, 'agent-call-1', 'listen');
    expect(useMonitoringStore.getState().session?.status).toBe('refused');
    expect(useMonitoringStore.getState().problem?.code).toBe('FORBIDDEN');
    expect(phone.sent).toEqual([]);
  });

  it('takes the customer over with the server’s order, then links the customer’s call to their card', async () => {
    const phone = fakePhone();
    connectMonitoring(phone.port);
    reply('monitoring.requestGrant', success(issued));
    reply('monitoring.requestTakeOver', success({ token: 'b3JkZXI.c2ln', order: { v: 1, kind: 'take-over', id: grant.id, keyId: 'k1', grantId: grant.id, supervisorId: 'sup-1', supervisorName: 'Jose Reyes', agentId: 'agent-1', callId: 'agent-call-1', issuedAt: grant.issuedAt, expiresAt: grant.expiresAt } }));
    await useMonitoringStore.getState().start({ id: 'agent-1', name: 'Maria' }, 'agent-call-1', 'listen', { id: 'cu-9', name: 'Ana Reyes' });
    phone.line('leg-1', { name: 'dialing' });
    phone.line('leg-1', { name: 'active' });

    await useMonitoringStore.getState().takeOver();
    expect(callsTo('monitoring.requestTakeOver')).toEqual([{ grantId: grant.id }]);
    expect(phone.sent.at(-1)).toEqual({ type: 'takeOver', line: 1, token: 'b3JkZXI.c2ln' });
    expect(useMonitoringStore.getState().session?.status).toBe('taking-over');

    // The customer's call replaces the monitoring call on the same line.
    usePhoneStore.setState({ lines: { ...usePhoneStore.getState().lines, 1: { ...usePhoneStore.getState().lines[1], callId: 'customer-call', state: { name: 'active' } } } });
    phone.line('customer-call', { name: 'active' });
    await flush();
    expect(useMonitoringStore.getState().session?.status).toBe('taken-over');
    expect(usePhoneStore.getState().screenPops[1]).toMatchObject({ callId: 'customer-call', status: 'known', customerId: 'cu-9' });
    expect(useCustomersStore.getState().selectedId).toBe('cu-9');
  });
});
