import { create } from 'zustand';
import type { ContractError, ErrorCode } from '../../../../shared/contract';
import type { CallRecord } from '../../../../shared/phone/call-record';
import { checkDialString, dialUri, domainOf, type DialProblem } from '../../../../shared/phone/dial-string';
import { checkDtmf } from '../../../../shared/phone/dtmf';
import { hasCall } from '../../../../shared/phone/line-state';
import {
  idleLine,
  LINE_IDS,
  type AudioDevice,
  type CallQuality,
  type LineId,
  type LineSnapshot,
  type PhoneCommandInput,
  type PhoneErrorCode,
  type PhoneEvent,
  type PhonePort,
  type RegistrationState,
} from '../../../../shared/phone/phone-protocol';
import { DEFAULT_PHONE_SETTINGS, type PhoneSettings, type PhoneSettingsChange } from '../../../../shared/phone/phone-settings';
import type { PhoneRegion } from '../../../../shared/domain/phone';
import { callHost } from '../../host-call';
import { useCustomersStore } from '../customers/customers-store';
import { whenCustomerCreated } from './new-customer-link';
import { createProvisioner } from './phone-provisioner';
import { callerOf, isPhoneNumber, linkedPop, type ScreenPop } from './screen-pop';

/** off: nobody with a phone is signed in. loading: asking the host. The others say why there is (no) phone. */
export type PhoneSetup = 'off' | 'loading' | 'ready' | 'not-configured' | 'error';

export type FormProblem = { form: 'dial' | 'transfer' | 'dtmf'; line: LineId | null; problem: DialProblem | 'bad-key'; char?: string };

export interface PhoneState {
  setup: PhoneSetup;
  setupError: ContractError | null;
  registration: RegistrationState;
  lines: Record<LineId, LineSnapshot>;
  quality: Record<LineId, CallQuality | null>;
  /** Keypad tones the other side sent on the line's current call. */
  dtmfReceived: Record<LineId, string>;
  devices: { inputs: AudioDevice[]; outputs: AudioDevice[]; input: string | null; output: string | null };
  settings: PhoneSettings;
  lastError: { code: PhoneErrorCode; line: LineId | null; at: number } | null;
  formProblem: FormProblem | null;
  /** Which tool is open under each line card (view state, kept here so shortcuts can open it). */
  panels: Record<LineId, LinePanel | null>;
  /** Who each line's call is with: the caller ID's customer, or the one the agent linked (null: nobody yet). */
  screenPops: Record<LineId, ScreenPop | null>;
  /** The last link to a customer the host refused, shown where the agent linked. */
  linkProblem: { callId: string; code: ErrorCode } | null;
  /** False while the agent is away or wrapping up: new calls are turned away (settings.whenAway). */
  takingCalls: boolean;
  /**
   * Calls the host confirmed as role-play training (their ticket holds): no call record, no
   * customer lookup, not a live call on the wallboard (the roleplay feature marks them).
   */
  trainingCallIds: readonly string[];

  /** After sign-in: this machine's phone settings, then provisioning, then register. */
  start(): Promise<void>;
  /** Sign-out: hang up, unregister, forget the credential. */
  stop(): void;
  reconnect(): void;
  dial(text: string): boolean;
  answer(line: LineId): void;
  reject(line: LineId): void;
  hangup(line: LineId): void;
  toggleHold(line: LineId): void;
  toggleMute(line: LineId): void;
  sendDtmf(line: LineId, tones: string): boolean;
  blindTransfer(line: LineId, text: string): boolean;
  startConsult(line: LineId, text: string): boolean;
  completeTransfer(line: LineId): void;
  swap(): void;
  saveSettings(change: PhoneSettingsChange): Promise<void>;
  clearProblems(): void;
  togglePanel(line: LineId, panel: LinePanel): void;
  /** Follows the agent's state (agent-state feature): available and on a call take calls. */
  setTakingCalls(taking: boolean): void;
  /**
   * The agent says who a call is with (on a line, or ended and waiting for its wrap-up): the line
   * names them, their card opens, and the call's record and timeline entry go to them. Resolves
   * false when the host refused (the reason is in `linkProblem`).
   */
  linkCustomer(callId: string, customer: { id: string; name: string }): Promise<boolean>;
  /** A caller nobody has: the customer panel's new-customer form, with the number; the call links to whoever is created. */
  newCustomerFor(line: LineId): void;
  markTraining(callId: string): void;
}

export type LinePanel = 'keypad' | 'transfer' | 'link';


export const phoneInitialState = {
  setup: 'off' as PhoneSetup,
  setupError: null,
  registration: { status: 'off', problem: null, sipStatus: null, since: 0, uri: null } as RegistrationState,
  lines: { 1: idleLine(1), 2: idleLine(2) },
  quality: { 1: null, 2: null },
  dtmfReceived: { 1: '', 2: '' },
  devices: { inputs: [], outputs: [], input: null, output: null },
  settings: DEFAULT_PHONE_SETTINGS,
  lastError: null,
  formProblem: null,
  panels: { 1: null, 2: null } as Record<LineId, LinePanel | null>,
  screenPops: { 1: null, 2: null } as Record<LineId, ScreenPop | null>,
  linkProblem: null as PhoneState['linkProblem'],
  takingCalls: true,
  trainingCallIds: [] as readonly string[],
} satisfies Partial<PhoneState>;

let port: PhonePort | null = null;
let unsubscribe: (() => void) | null = null;
/** Records the host has not confirmed yet; retried so a call is never lost from the history. */
const unsentRecords: CallRecord[] = [];
let recordRetry: ReturnType<typeof setTimeout> | undefined;
/** Stops following the new-customer form the last "New customer" on a line opened. */
let stopWatchingNewCustomer: () => void = () => undefined;

const send = (command: PhoneCommandInput): void => port?.send(command);

const provisioner = createProvisioner({
  send,
  onSetup: (setup, error) => usePhoneStore.setState({ setup, setupError: error }),
});

export const usePhoneStore = create<PhoneState>()((set, get) => {
  /** Reads a dial or transfer box; a problem is shown next to the box and nothing is sent. */
  function target(text: string, form: FormProblem['form'], line: LineId | null): { uri: string; display: string } | null {
    const checked = checkDialString(text, get().settings.region as PhoneRegion);
    if (!checked.ok) {
      set({ formProblem: { form, line, problem: checked.problem, ...(checked.char === undefined ? {} : { char: checked.char }) } });
      return null;
    }
    set({ formProblem: null, lastError: null });
    const domain = domainOf(get().registration.uri ?? provisioner.uri() ?? '') ?? 'kalma.local';
    return { uri: dialUri(checked.target, domain), display: checked.target.display };
  }

  return {
    ...phoneInitialState,

    async start() {
      set({ setup: 'loading', setupError: null });
      const settings = await callHost('phone.settings', {});
      if (settings.ok) set({ settings: settings.value });
      const s = get().settings;
      send({ type: 'setAutoAnswer', enabled: s.autoAnswer });
      send({ type: 'setDtmfTransport', transport: s.dtmfTransport });
      send({ type: 'setVoiceProcessing', enabled: s.voiceProcessing });
      send({ type: 'setInputDevice', deviceId: s.inputDeviceId });
      send({ type: 'setOutputDevice', deviceId: s.outputDeviceId });
      send({ type: 'setTakingCalls', taking: get().takingCalls, refusal: s.whenAway });
      await provisioner.start();
    },

    stop() {
      provisioner.stop();
      send({ type: 'unregister' });
      set({ setup: 'off', setupError: null, formProblem: null, lastError: null });
    },

    reconnect() {
      if (get().registration.status === 'failed' || get().setup === 'error') void provisioner.start();
      else send({ type: 'reconnect' });
    },

    dial(text) {
      const to = target(text, 'dial', null);
      if (!to) return false;
      send({ type: 'dial', target: to.uri, display: to.display });
      return true;
    },
    answer: (line) => send({ type: 'answer', line }),
    reject: (line) => send({ type: 'reject', line }),
    hangup: (line) => send({ type: 'hangup', line }),
    toggleHold(line) {
      const state = get().lines[line].state.name;
      if (state === 'held') send({ type: 'resume', line });
      else if (state === 'active') send({ type: 'hold', line });
    },
    toggleMute(line) {
      send({ type: get().lines[line].muted ? 'unmute' : 'mute', line });
    },
    sendDtmf(line, tones) {
      const checked = checkDtmf(tones);
      if (!checked.ok) {
        if (checked.problem === 'bad-key') set({ formProblem: { form: 'dtmf', line, problem: 'bad-key', char: tones[checked.at ?? 0] ?? '' } });
        return false;
      }
      send({ type: 'sendDtmf', line, tones: checked.tones, transport: get().settings.dtmfTransport });
      return true;
    },
    blindTransfer(line, text) {
      const to = target(text, 'transfer', line);
      if (!to) return false;
      send({ type: 'blindTransfer', line, target: to.uri });
      return true;
    },
    startConsult(line, text) {
      const to = target(text, 'transfer', line);
      if (!to) return false;
      send({ type: 'startConsult', line, target: to.uri, display: to.display });
      return true;
    },
    completeTransfer: (line) => send({ type: 'completeAttendedTransfer', line }),
    swap: () => send({ type: 'swap' }),
    setTakingCalls(taking) {
      set({ takingCalls: taking });
      send({ type: 'setTakingCalls', taking, refusal: get().settings.whenAway });
    },

    async saveSettings(change) {
      set({ settings: { ...get().settings, ...change } });
      if (change.autoAnswer !== undefined) send({ type: 'setAutoAnswer', enabled: change.autoAnswer });
      if (change.dtmfTransport !== undefined) send({ type: 'setDtmfTransport', transport: change.dtmfTransport });
      if (change.voiceProcessing !== undefined) send({ type: 'setVoiceProcessing', enabled: change.voiceProcessing });
      if (change.inputDeviceId !== undefined) send({ type: 'setInputDevice', deviceId: change.inputDeviceId });
      if (change.outputDeviceId !== undefined) send({ type: 'setOutputDevice', deviceId: change.outputDeviceId });
      if (change.whenAway !== undefined) send({ type: 'setTakingCalls', taking: get().takingCalls, refusal: change.whenAway });
      const saved = await callHost('phone.saveSettings', change);
      // The choice applies on this screen either way; the host's copy is what the next start reads.
      if (saved.ok) set({ settings: saved.value });
    },

    clearProblems: () => set({ formProblem: null, lastError: null }),
    togglePanel(line, panel) {
      const panels = get().panels;
      set({ panels: { ...panels, [line]: panels[line] === panel ? null : panel }, formProblem: null, linkProblem: null });
    },

    async linkCustomer(callId, customer) {
      const { lines, screenPops, panels } = get();
      const lineId = LINE_IDS.find((id) => lines[id].callId === callId);
      set({ linkProblem: null });
      if (lineId !== undefined) {
        const pop = linkedPop(screenPops[lineId], { callId, number: lines[lineId].remote?.user ?? '' }, customer);
        set({ screenPops: { ...screenPops, [lineId]: pop }, panels: { ...panels, [lineId]: panels[lineId] === 'link' ? null : panels[lineId] } });
      }
      void useCustomersStore.getState().select(customer.id);
      // Still talking, or the record not yet taken by the host: the record carries the customer.
      if (lineId !== undefined && hasCall(lines[lineId].state)) return true;
      const unsent = unsentRecords.find((record) => record.id === callId);
      if (unsent) {
        unsent.customerId = customer.id;
        return true;
      }
      return relink(callId, customer.id);
    },

    markTraining(callId) {
      // The latest few are enough: a console has at most two calls at once.
      if (!get().trainingCallIds.includes(callId)) set({ trainingCallIds: [...get().trainingCallIds.slice(-19), callId] });
    },

    newCustomerFor(line) {
      const { lines, screenPops } = get();
      const callId = lines[line].callId;
      if (callId === null) return;
      const customers = useCustomersStore.getState();
      customers.startNewCustomer(screenPops[line]?.number ?? lines[line].remote?.user ?? '');
      stopWatchingNewCustomer();
      stopWatchingNewCustomer = whenCustomerCreated(useCustomersStore.getState().profileForm, (created) => void get().linkCustomer(callId, created));
    },
  };
});

/** The record is with the host already: the host links it (a wrap-up still due carries the customer up). */
async function relink(callId: string, customerId: string): Promise<boolean> {
  const result = await callHost('calls.linkCustomer', { callId, customerId });
  if (result.ok) return true;
  usePhoneStore.setState({ linkProblem: { callId, code: result.error.code } });
  return false;
}

function onEvent(event: PhoneEvent): void {
  const state = usePhoneStore.getState();
  switch (event.type) {
    case 'registration':
      usePhoneStore.setState({ registration: event.registration });
      provisioner.registrationChanged(event.registration);
      return;
    case 'line': {
      const before = state.lines[event.line.id];
      const newCall = before.callId !== event.line.callId;
      usePhoneStore.setState({
        lines: { ...state.lines, [event.line.id]: event.line },
        ...(newCall
          ? {
              dtmfReceived: { ...state.dtmfReceived, [event.line.id]: '' },
              panels: { ...state.panels, [event.line.id]: null },
              screenPops: { ...state.screenPops, [event.line.id]: null },
            }
          : {}),
      });
      if (newCall) void lookUpCaller(event.line);
      return;
    }
    case 'quality':
      usePhoneStore.setState({ quality: { ...state.quality, [event.line]: event.quality } });
      return;
    case 'dtmfReceived':
      usePhoneStore.setState({ dtmfReceived: { ...state.dtmfReceived, [event.line]: `${state.dtmfReceived[event.line]}${event.tone}`.slice(-40) } });
      return;
    case 'devices':
      usePhoneStore.setState({ devices: { inputs: event.inputs, outputs: event.outputs, input: event.input, output: event.output } });
      return;
    case 'callEnded': {
      // A role-play call is training, not work with a customer: it leaves no record.
      if (state.trainingCallIds.includes(event.record.id)) return;
      // The engine knows the call, the screen-pop knows the customer: the record gets both.
      const pop = LINE_IDS.map((id) => state.screenPops[id]).find((p) => p?.callId === event.record.id);
      unsentRecords.push(pop?.status === 'known' ? { ...event.record, customerId: pop.customerId } : event.record);
      void sendRecords();
      return;
    }
    case 'error':
      usePhoneStore.setState({ lastError: { code: event.code, line: event.line, at: Date.now() } });
      return;
  }
}

/**
 * Screen-pop: a call ringing in from a number is looked up in the local customer cache at once
 * (no network), so the name shows with the ring. A later call on the line, or an answer that
 * arrives after the line moved on, never overwrites a newer one.
 */
async function lookUpCaller(line: LineSnapshot): Promise<void> {
  const number = line.remote?.user ?? '';
  if (line.direction !== 'inbound' || line.callId === null || line.state.name !== 'ringing-in' || !isPhoneNumber(number)) return;
  // A call with a role-play ticket pops the scenario's synthetic customer, never a real one.
  if (line.training !== null) return;
  const callId = line.callId;
  const put = (pop: ScreenPop) => {
    const now = usePhoneStore.getState();
    // The agent may have linked the call already: their choice stands over a late answer.
    if (now.lines[line.id].callId !== callId || now.screenPops[line.id]?.status === 'known') return;
    usePhoneStore.setState({ screenPops: { ...now.screenPops, [line.id]: pop } });
  };
  put({ callId, number, status: 'looking' });
  const result = await callHost('customers.lookupPhone', { number, limit: 10 });
  if (!result.ok) {
    put({ callId, number, status: 'failed' });
    return;
  }
  const caller = callerOf(result.value);
  put(caller ? { callId, number, status: 'known', linkedBy: 'caller-id', ...caller } : { callId, number, status: 'unknown' });
}

async function sendRecords(): Promise<void> {
  clearTimeout(recordRetry);
  while (unsentRecords.length > 0) {
    const record = unsentRecords[0]!;
    const sent = { ...record };
    const result = await callHost('calls.logEnded', sent);
    if (!result.ok && result.error.code !== 'INVALID_INPUT') {
      recordRetry = setTimeout(() => void sendRecords(), 30_000);
      return;
    }
    unsentRecords.shift();
    // Linked while the record was on its way: the host has the old customer and must hear of the new one.
    if (result.ok && record.customerId !== null && record.customerId !== sent.customerId) await relink(record.id, record.customerId);
  }
}

/** Wires the store to the engine (today the in-tab PhoneEngine; later a MessagePort to the phone page). */
export function connectPhone(engine: PhonePort): void {
  unsubscribe?.();
  port = engine;
  unsubscribe = engine.subscribe(onEvent);
}

/** For tests: forget the engine, timers and state. */
export function resetPhoneStore(): void {
  unsubscribe?.();
  unsubscribe = null;
  port = null;
  provisioner.stop();
  unsentRecords.length = 0;
  clearTimeout(recordRetry);
  stopWatchingNewCustomer();
  usePhoneStore.setState(phoneInitialState);
}
