import type { LineSnapshot, PhoneCommandInput, PhoneEvent, PhonePort } from '../../../shared/phone/phone-protocol';
import type { LineState } from '../../../shared/phone/line-state';

/**
 * The engine's side of the phone port, for store and pane tests: it records the commands the
 * console sends and pushes events exactly as the engine would. The engine itself is proven with
 * real SIP in tests/e2e/phone.
 */
export function fakePhone(): PhonePort & { commands: PhoneCommandInput[]; push(event: PhoneEvent): void; of(type: string): PhoneCommandInput[] } {
  const listeners = new Set<(event: PhoneEvent) => void>();
  const commands: PhoneCommandInput[] = [];
  return {
    commands,
    send: (command) => void commands.push(command),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push: (event) => listeners.forEach((listener) => listener(event)),
    of: (type) => commands.filter((command) => command.type === type),
  };
}

export function lineEvent(id: 1 | 2, state: LineState, extra: Partial<LineSnapshot> = {}): PhoneEvent {
  return {
    type: 'line',
    line: {
      id,
      state,
      callId: state.name === 'idle' ? null : `call-${id}`,
      direction: 'inbound',
      remote: state.name === 'idle' ? null : { uri: 'sip:+639171234567@kalma.local', user: '+639171234567', displayName: null },
      startedAt: Date.now() - 5_000,
      answeredAt: state.name === 'active' || state.name === 'held' ? Date.now() - 3_000 : null,
      muted: false,
      remoteHold: false,
      signalling: 'ok',
      consultFor: null,
      training: null,
      recording: false,
      ...extra,
    },
  };
}

export const registered: PhoneEvent = {
  type: 'registration',
  registration: { status: 'registered', problem: null, sipStatus: null, since: Date.now(), uri: 'sip:maria@kalma.local' },
};

export const provisioning = {
  uri: 'sip:maria@kalma.local',
  wsServers: ['ws://127.0.0.1:5080'],
  authorizationUser: `${Math.floor(Date.now() / 1000) + 3600}:maria`,
  password: 'c2VjcmV0',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  iceServers: [],
};
