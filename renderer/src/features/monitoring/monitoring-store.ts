import { create } from 'zustand';
import type { ContractError } from '../../../../shared/contract';
import type { MonitoringAuditEntry, PbxDial } from '../../../../shared/api/monitoring';
import type { GrantCheck, TakeOverCheck } from '../../../../shared/contract/monitoring';
import { MONITOR_MODES, type MonitoringGrant, type MonitorMode } from '../../../../shared/monitoring/grant';
import { type LineId, type LineSnapshot, type PhoneEvent, type PhonePort } from '../../../../shared/phone/phone-protocol';
import { callHost } from '../../host-call';
import type { MonitorGate } from '../phone/engine/monitor-leg';
import { usePhoneStore } from '../phone/phone-store';

/**
 * Listen, whisper and barge on this console. For the agent: who is on their call and how (the
 * phone engine says so; whether plain listening is shown is in the signed grant). For a
 * supervisor: the one monitoring call they run — ask the server for a grant, dial the agent's phone
 * with it, switch modes within it, hang up.
 */

export interface MonitoredBy {
  supervisorName: string;
  mode: MonitorMode;
  shown: boolean;
}

export interface MonitoringSession {
  agentId: string;
  agentName: string;
  callId: string;
  /** The customer on the agent's call, as the wallboard knew them: a take-over links the call to them. */
  customer: { id: string; name: string } | null;
  grant: MonitoringGrant | null;
  /** The supervisor's phone line carrying it, once dialled. */
  line: LineId | null;
  /** What the supervisor asked for last. */
  asked: MonitorMode;
  /** What the agent's phone says it is mixing (null until it says). */
  mode: MonitorMode | null;
  /** taking-over: the server's order is on its way to the agent's phone; taken-over: the supervisor has the customer. */
  status: 'asking' | 'calling' | 'connected' | 'taking-over' | 'taken-over' | 'ended' | 'refused';
  /** The monitoring call's id on the supervisor's line (a take-over puts the customer's call there instead). */
  legCallId: string | null;
  /** PBX mode: the feature codes to dial and the digits that switch mode on one leg. */
  pbx: PbxDial | null;
  /** PBX mode without switch digits: the mode to dial again once this leg has ended. */
  redial: MonitorMode | null;
}

export interface MonitoringState {
  monitored: Record<LineId, MonitoredBy | null>;
  session: MonitoringSession | null;
  problem: ContractError | null;
  /** Admins: the audit as last read. */
  audit: { entries: MonitoringAuditEntry[]; status: 'idle' | 'loading' | 'loaded' | 'failed'; error: ContractError | null };
  loadAudit(): Promise<void>;
  start(agent: { id: string; name: string }, callId: string, mode: MonitorMode, customer?: { id: string; name: string } | null): Promise<void>;
  setMode(mode: MonitorMode): void;
  /** Take the customer from the agent (Kalma's own legs; PBX mode has its own ways). */
  takeOver(): Promise<void>;
  hangUp(): void;
  dismiss(): void;
}

let port: PhonePort | null = null;
let unsubscribe: (() => void) | null = null;

const initial = {
  monitored: { 1: null, 2: null },
  session: null,
  problem: null,
  audit: { entries: [], status: 'idle', error: null },
} satisfies Partial<MonitoringState>;

export const useMonitoringStore = create<MonitoringState>((set, get) => ({
  ...initial,

  async loadAudit() {
    set({ audit: { ...get().audit, status: 'loading', error: null } });
    const read = await callHost('monitoring.audit', { limit: 200 });
    if (read.ok) set({ audit: { entries: read.value, status: 'loaded', error: null } });
    else set({ audit: { ...get().audit, status: 'failed', error: read.error } });
  },

  async start(agent, callId, mode, customer = null) {
    if (get().session && !isOver(get().session)) return;
    set({
      problem: null,
      session: { agentId: agent.id, agentName: agent.name, callId, customer, grant: null, line: null, asked: mode, mode: null, status: 'asking', pbx: null, redial: null, legCallId: null },
    });
    // Every mode the floor allows, so the supervisor can move between them on one leg.
    const issued = await callHost('monitoring.requestGrant', { agentId: agent.id, callId, modes: [...MONITOR_MODES] });
    const now = get().session;
    if (!now || now.callId !== callId || now.status !== 'asking') return;
    if (!issued.ok) {
      set({ problem: issued.error, session: { ...now, status: 'refused' } });
      return;
    }
    const first = issued.value.grant.modes.includes(mode) ? mode : (issued.value.grant.modes[0] ?? 'listen');
    const pbx = issued.value.pbx ?? null;
    set({ session: { ...now, grant: issued.value.grant, asked: first, status: 'calling', pbx } });
    dialLeg(pbx, issued.value.target, issued.value.token, first, agent.name);
  },

  setMode(mode) {
    const session = get().session;
    if (!session || session.line === null || session.status !== 'connected') return;
    if (!session.pbx) {
      set({ session: { ...session, asked: mode } });
      port?.send({ type: 'setMonitorMode', line: session.line, mode });
      return;
    }
    // A PBX says nothing back: the mode is what was dialled or keyed.
    if (session.pbx.dial[mode] === undefined) return;
    if (session.pbx.switchDigits) {
      set({ session: { ...session, asked: mode, mode } });
      port?.send({ type: 'sendDtmf', line: session.line, tones: session.pbx.switchDigits[mode] });
      return;
    }
    set({ session: { ...session, asked: mode, redial: mode } });
    port?.send({ type: 'hangup', line: session.line });
  },

  async takeOver() {
    const session = get().session;
    if (!session?.grant || session.line === null || session.status !== 'connected' || session.pbx) return;
    set({ problem: null, session: { ...session, status: 'taking-over' } });
    const ordered = await callHost('monitoring.requestTakeOver', { grantId: session.grant.id });
    const now = get().session;
    if (!now || now.status !== 'taking-over' || now.line === null) return;
    if (!ordered.ok) {
      set({ problem: ordered.error, session: { ...now, status: 'connected' } });
      return;
    }
    port?.send({ type: 'takeOver', line: now.line, token: ordered.value.token });
  },

  hangUp() {
    const session = get().session;
    if (session?.line != null) port?.send({ type: 'hangup', line: session.line });
    if (session && !isOver(session)) set({ session: { ...session, status: 'ended' } });
  },

  dismiss() {
    if (isOver(get().session)) set({ session: null, problem: null });
  },
}));

/** No monitoring call under way: none yet, or it ended or was refused. */
export function isOver(session: MonitoringSession | null): boolean {
  return session === null || session.status === 'ended' || session.status === 'refused';
}

function onEvent(event: PhoneEvent): void {
  const state = useMonitoringStore.getState();
  switch (event.type) {
    case 'monitored':
      useMonitoringStore.setState({ monitored: { ...state.monitored, [event.line]: event.monitor } });
      return;
    case 'monitorMode': {
      const session = state.session;
      if (session?.line !== event.line) return;
      // During a take-over a mode report means the agent's phone refused the order.
      const refusedTakeOver = session.status === 'taking-over';
      useMonitoringStore.setState({ session: { ...session, mode: event.mode, status: refusedTakeOver ? 'connected' : session.status } });
      return;
    }
    case 'line':
      followLine(event.line);
      return;
    default:
      return;
  }
}

/** The supervisor's monitoring call is the outbound call the phone placed after the grant. */
function followLine(line: LineSnapshot): void {
  const session = useMonitoringStore.getState().session;
  if (!session || isOver(session)) return;
  if (session.line === null) {
    if (session.status === 'calling' && line.direction === 'outbound' && line.state.name === 'dialing') {
      useMonitoringStore.setState({ session: { ...session, line: line.id } });
    }
    return;
  }
  if (session.line !== line.id) return;
  if (session.legCallId !== null && line.callId !== null && line.callId !== session.legCallId && line.state.name === 'active') {
    // The customer's call replaced the monitoring call on this line: the take-over went through.
    if (session.status === 'taken-over') return;
    useMonitoringStore.setState({ session: { ...session, status: 'taken-over', mode: null } });
    // The supervisor now talks to the customer: their card opens and the call's record is theirs.
    if (session.customer && line.callId) void usePhoneStore.getState().linkCustomer(line.callId, session.customer);
    return;
  }
  if (line.state.name === 'active' && session.status === 'calling') {
    // Kalma's own leg reports its mode (monitorMode); a PBX leg is in the mode its code dialled.
    useMonitoringStore.setState({
      session: { ...session, status: 'connected', legCallId: line.callId, mode: session.pbx ? session.asked : (session.mode ?? session.asked) },
    });
  } else if ((line.state.name === 'ended' || line.state.name === 'idle') && session.redial !== null && session.pbx) {
    useMonitoringStore.setState({ session: { ...session, line: null, status: 'calling', redial: null, mode: null } });
    dialLeg(session.pbx, '', undefined, session.redial, session.agentName);
  } else if (line.state.name === 'ended' || line.state.name === 'idle') {
    const refused = session.status === 'calling';
    useMonitoringStore.setState({ session: { ...session, status: refused ? 'refused' : 'ended', line: null } });
  }
}

/** Kalma's own leg: the agent's phone with the grant. PBX mode: the PBX's feature code for the mode. */
function dialLeg(pbx: PbxDial | null, target: string, token: string | undefined, mode: MonitorMode, display: string): void {
  const pbxTarget = pbx?.dial[mode];
  if (pbx && pbxTarget) port?.send({ type: 'monitor', target: pbxTarget, mode, display });
  else if (token) port?.send({ type: 'monitor', target, token, mode, display });
}

/** Starts following the phone (start-phone.ts, once). */
export function connectMonitoring(engine: PhonePort): void {
  unsubscribe?.();
  port = engine;
  unsubscribe = engine.subscribe(onEvent);
}

/** The host's check of a monitoring grant, for the phone engine (agents' consoles). */
export const monitorGate: MonitorGate = {
  async verify(token, mode, liveCallIds): Promise<GrantCheck> {
    const checked = await callHost('monitoring.verifyGrant', { token, mode, liveCallIds });
    // The host could not check it: refuse, as for any grant that does not hold.
    return checked.ok ? checked.value : { ok: false, refusal: 'malformed' };
  },
  report(grantId, event, mode) {
    void callHost('monitoring.report', { grantId, event, ...(mode ? { mode } : {}) });
  },
  async verifyTakeOver(token, grantId): Promise<TakeOverCheck> {
    const checked = await callHost('monitoring.verifyTakeOver', { token, grantId });
    return checked.ok ? checked.value : { ok: false, refusal: 'malformed' };
  },
};

/** For tests: forget the engine and state. */
export function resetMonitoringStore(): void {
  unsubscribe?.();
  unsubscribe = null;
  port = null;
  useMonitoringStore.setState(initial);
}

