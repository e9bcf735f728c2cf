import { create } from 'zustand';
import type { ContractError, RecordingAudio } from '../../../../shared/contract';
import type { RolePlaySession, Trainee } from '../../../../shared/api/roleplay';
import type { Language } from '../../../../shared/domain/user';
import { LINE_IDS, type LineId, type LineSnapshot, type PhoneEvent, type PhonePort } from '../../../../shared/phone/phone-protocol';
import { trainingRecords, type Scenario } from '../../../../shared/roleplay/scenario';
import type { RubricMark } from '../../../../shared/roleplay/scoring';
import type { RolePlayTicket } from '../../../../shared/roleplay/session-ticket';
import type { TraineeGuidance, TrainingInfo } from '../../../../shared/roleplay/training-info';
import { callHost } from '../../host-call';
import { useAgentStateStore } from '../agent-state/agent-state-store';
import { usePhoneStore } from '../phone/phone-store';
import { shareGuidance } from './share-guidance';

/**
 * Role-play on this console. The trainer's (or peer's) side: pick a scenario and a trainee, start
 * the session on the server, call the trainee with its ticket, mark the rubric during the call,
 * then write the feedback. The trainee's side: a call carrying a ticket the host has checked is
 * training — the TRAINING banner, the scenario's synthetic customer, no call record, the agent
 * "in training" — and after it, the score and the feedback as the trainer sends them.
 */

export type CallerStatus = 'starting' | 'calling' | 'in-call' | 'ended' | 'scoring' | 'scored' | 'refused';

/** The session this console runs as the caller (trainer, or the peer playing the customer). */
export interface RunningSession {
  session: RolePlaySession;
  scenario: Scenario;
  line: LineId | null;
  callId: string | null;
  answeredAt: number | null;
  status: CallerStatus;
  /** Marks as given here, newest last (the server's copy follows). */
  marks: RubricMark[];
  /** The trainee's guidance as their console last said (scripts walked, prompts fired). */
  traineeGuidance: TraineeGuidance | null;
  /** The trainer stopped the scenario to coach. */
  paused: boolean;
  hintsSent: string[];
}

/** A training call on this console as the trainee. */
export interface TrainingCall {
  line: LineId;
  callId: string;
  ticket: RolePlayTicket;
  scenario: Scenario | null;
  records: ReturnType<typeof trainingRecords> | null;
  /** The trainee agreed to the session being recorded (asked while it rings). */
  consent: boolean;
  status: 'ringing' | 'in-call' | 'ended';
  /** The trainer's hints on this call, newest last. */
  hints: { text: string; at: number }[];
  paused: boolean;
}

export interface RolePlayState {
  scenarios: Scenario[];
  trainees: Trainee[];
  setupStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  running: RunningSession | null;
  training: TrainingCall | null;
  /** A finished session being read: the trainee's result, or the one the trainer just scored. */
  result: RolePlaySession | null;
  /** My sessions (trainee) or my teams' (trainer), newest first. */
  history: RolePlaySession[];
  problem: ContractError | null;
  /** The recording of the session being read, for the replay. */
  replay: { sessionId: string; audio: RecordingAudio | null; loading: boolean; error: ContractError | null } | null;

  loadSetup(): Promise<void>;
  loadReplay(sessionId: string): Promise<void>;
  start(scenarioId: string, traineeId: string, language: Language): Promise<void>;
  mark(criterionId: string, levelId: string, note?: string): Promise<void>;
  hangUp(): void;
  /** The trainer, out of role: a word on the trainee's screen only. */
  sendHint(text: string): void;
  setPaused(paused: boolean): void;
  finish(feedback: string): Promise<void>;
  setConsent(consent: boolean): void;
  openResult(sessionId: string): Promise<void>;
  loadHistory(): Promise<void>;
  closeResult(): void;
}

let port: PhonePort | null = null;
let unsubscribe: (() => void) | null = null;
let resultPoll: ReturnType<typeof setTimeout> | undefined;
/** How often the trainee's console asks whether the feedback has come. */
const RESULT_POLL_MS = 2_000;

const initial = {
  scenarios: [] as Scenario[],
  trainees: [] as Trainee[],
  setupStatus: 'idle' as RolePlayState['setupStatus'],
  running: null as RunningSession | null,
  training: null as TrainingCall | null,
  result: null as RolePlaySession | null,
  history: [] as RolePlaySession[],
  problem: null as ContractError | null,
  replay: null as RolePlayState['replay'],
};

export const useRolePlayStore = create<RolePlayState>()((set, get) => ({
  ...initial,

  async loadSetup() {
    set({ setupStatus: 'loading', problem: null });
    const [scenarios, trainees] = await Promise.all([callHost('roleplay.scenarios', {}), callHost('roleplay.trainees', {})]);
    if (!scenarios.ok || !trainees.ok) {
      set({ setupStatus: 'failed', problem: !scenarios.ok ? scenarios.error : trainees.ok ? null : trainees.error });
      return;
    }
    set({ setupStatus: 'loaded', scenarios: scenarios.value.filter((s) => s.status === 'published'), trainees: trainees.value });
  },

  async start(scenarioId, traineeId, language) {
    const running = get().running;
    if (running && !isOver(running.status)) return;
    const scenario = get().scenarios.find((s) => s.id === scenarioId);
    if (!scenario) return;
    set({ problem: null, result: null, running: null });
    const started = await callHost('roleplay.start', { scenarioId, traineeId, language });
    if (!started.ok) {
      set({ problem: started.error });
      return;
    }
    const { session, token, target } = started.value;
    set({ running: { session, scenario, line: null, callId: null, answeredAt: null, status: 'calling', marks: [], traineeGuidance: null, paused: false, hintsSent: [] } });
    port?.send({ type: 'placeTrainingCall', target, token, display: session.trainee.name });
  },

  async mark(criterionId, levelId, note) {
    const running = get().running;
    if (!running || running.answeredAt === null || (running.status !== 'in-call' && running.status !== 'ended')) return;
    const mark: RubricMark = { criterionId, levelId, atMs: Math.max(0, Date.now() - running.answeredAt), ...(note ? { note } : {}) };
    set({ running: { ...running, marks: [...running.marks, mark] } });
    const saved = await callHost('roleplay.mark', { sessionId: running.session.id, mark });
    const now = get().running;
    if (!saved.ok) set({ problem: saved.error });
    else if (now?.session.id === saved.value.id) set({ running: { ...now, session: saved.value } });
  },

  hangUp() {
    const running = get().running;
    if (running?.line != null) port?.send({ type: 'hangup', line: running.line });
  },

  sendHint(text) {
    const running = get().running;
    const hint = text.trim().slice(0, 300);
    if (!running || running.status !== 'in-call' || running.line === null || !hint) return;
    port?.send({ type: 'sendTrainingInfo', line: running.line, info: { type: 'hint', text: hint } });
    set({ running: { ...running, hintsSent: [...running.hintsSent, hint] } });
  },

  setPaused(paused) {
    const running = get().running;
    if (!running || running.status !== 'in-call' || running.line === null || running.paused === paused) return;
    port?.send({ type: 'sendTrainingInfo', line: running.line, info: { type: 'pause', paused } });
    set({ running: { ...running, paused } });
  },

  async finish(feedback) {
    const running = get().running;
    if (!running || running.status !== 'ended') return;
    set({ running: { ...running, status: 'scoring' }, problem: null });
    const finished = await callHost('roleplay.finish', { sessionId: running.session.id, feedback });
    const now = get().running;
    if (!now || now.session.id !== running.session.id) return;
    if (!finished.ok) {
      set({ problem: finished.error, running: { ...now, status: 'ended' } });
      return;
    }
    set({ running: { ...now, session: finished.value, status: 'scored' }, result: finished.value });
  },

  setConsent(consent) {
    const training = get().training;
    if (training && training.status === 'ringing') set({ training: { ...training, consent } });
  },

  async openResult(sessionId) {
    clearTimeout(resultPoll);
    const read = await callHost('roleplay.session', { sessionId });
    if (!read.ok) {
      set({ problem: read.error });
      return;
    }
    set({ result: read.value, problem: null });
    // Still waiting for the trainer's feedback: ask again until it comes.
    if (read.value.status !== 'scored') resultPoll = setTimeout(() => void get().openResult(sessionId), RESULT_POLL_MS);
  },

  async loadHistory() {
    const read = await callHost('roleplay.sessions', {});
    if (read.ok) set({ history: read.value });
    else set({ problem: read.error });
  },

  async loadReplay(sessionId) {
    if (get().replay?.sessionId === sessionId && (get().replay?.audio || get().replay?.loading)) return;
    set({ replay: { sessionId, audio: null, loading: true, error: null } });
    const read = await callHost('roleplay.recording', { sessionId });
    if (get().replay?.sessionId !== sessionId) return;
    set({ replay: { sessionId, audio: read.ok ? read.value : null, loading: false, error: read.ok ? null : read.error } });
  },

  closeResult() {
    clearTimeout(resultPoll);
    set({ result: null });
  },
}));

export function isOver(status: CallerStatus): boolean {
  return status === 'scored' || status === 'refused';
}

function onEvent(event: PhoneEvent): void {
  if (event.type === 'line') {
    followCallerLine(event.line);
    followTraineeLine(event.line);
  } else if (event.type === 'recording') {
    void keepRecording(event);
  } else if (event.type === 'trainingInfo') {
    heard(event.callId, event.info);
  }
}

/** The caller's training call is the outbound call placed with the session's ticket. */
function followCallerLine(line: LineSnapshot): void {
  const running = useRolePlayStore.getState().running;
  if (!running || line.direction !== 'outbound') return;
  const set = (change: Partial<RunningSession>) => useRolePlayStore.setState({ running: { ...running, ...change } });
  if (running.line === null) {
    if (running.status === 'calling' && line.training !== null && line.callId !== null) set({ line: line.id, callId: line.callId });
    return;
  }
  if (running.line !== line.id) return;
  if (line.callId !== null && line.callId !== running.callId) {
    // Placing the call: the phone's own id gives way to the SIP session's once the INVITE is out.
    if (running.status !== 'calling' || line.training === null) return;
    useRolePlayStore.setState({ running: { ...running, callId: line.callId } });
    return followCallerLine(line);
  }
  if (line.state.name === 'active' && running.status === 'calling') {
    const answeredAt = line.answeredAt ?? Date.now();
    set({ status: 'in-call', answeredAt });
    void callHost('roleplay.callEvent', { sessionId: running.session.id, event: 'answered', at: new Date(answeredAt).toISOString() });
  } else if ((line.state.name === 'ended' || line.state.name === 'idle') && (running.status === 'calling' || running.status === 'in-call')) {
    const answered = running.status === 'in-call';
    set({ status: answered ? 'ended' : 'refused', line: null });
    if (answered) void callHost('roleplay.callEvent', { sessionId: running.session.id, event: 'ended', at: new Date().toISOString() });
  }
}

/** A call ringing in with a ticket: training only once the host says the ticket holds. */
function followTraineeLine(line: LineSnapshot): void {
  const training = useRolePlayStore.getState().training;
  if (training && training.status !== 'ended' && training.line === line.id) {
    if (line.callId !== training.callId) return void endTraining(training);
    if (line.state.name === 'active' && training.status === 'ringing') {
      useRolePlayStore.setState({ training: { ...training, status: 'in-call' } });
      // The wallboard shows the trainee "in training"; real calls are turned away meanwhile.
      if (useAgentStateStore.getState().current?.state !== 'training') void useAgentStateStore.getState().choose('training');
      if (training.consent) port?.send({ type: 'startRecording', line: line.id });
    } else if (line.state.name === 'ended' || line.state.name === 'idle') {
      endTraining(training);
    }
    return;
  }
  if (line.direction === 'inbound' && line.state.name === 'ringing-in' && line.training !== null && line.callId !== null) {
    void checkTicket(line.id, line.callId, line.training);
  }
}

async function checkTicket(lineId: LineId, callId: string, token: string): Promise<void> {
  const checked = await callHost('roleplay.verifyTicket', { token });
  // Not a ticket that holds: an ordinary call, recorded and shown like any other.
  if (!checked.ok || !checked.value.ok) return;
  const { ticket, scenario } = checked.value;
  const line = usePhoneStore.getState().lines[lineId];
  if (line.callId !== callId) return;
  usePhoneStore.getState().markTraining(callId);
  const records = scenario ? trainingRecords(scenario, { id: ticket.id, startedAt: Date.now(), language: ticket.language }) : null;
  useRolePlayStore.setState({
    training: { line: lineId, callId, ticket, scenario, records, consent: false, status: line.state.name === 'active' ? 'in-call' : 'ringing', hints: [], paused: false },
    result: null,
  });
}

/** What the other console of a training call said on it. */
function heard(callId: string, info: TrainingInfo): void {
  const { running, training } = useRolePlayStore.getState();
  if (running && running.callId === callId && info.type === 'guidance') {
    useRolePlayStore.setState({ running: { ...running, traineeGuidance: info.guidance } });
  } else if (training && training.callId === callId && training.status !== 'ended') {
    // A trainee's console takes hints and pauses only, never another console's "guidance".
    if (info.type === 'hint') useRolePlayStore.setState({ training: { ...training, hints: [...training.hints, { text: info.text, at: Date.now() }].slice(-10) } });
    else if (info.type === 'pause') useRolePlayStore.setState({ training: { ...training, paused: info.paused } });
  }
}

function endTraining(training: TrainingCall): void {
  if (training.status === 'ended') return;
  useRolePlayStore.setState({ training: { ...training, status: 'ended' } });
  // The trainee waits for the trainer's feedback on this console.
  void useRolePlayStore.getState().openResult(training.ticket.id);
}

/** The trainee's recording, kept on this machine and sent up with the session. */
async function keepRecording(event: Extract<PhoneEvent, { type: 'recording' }>): Promise<void> {
  const training = useRolePlayStore.getState().training;
  if (!training || training.callId !== event.callId) return;
  const saved = await callHost('roleplay.saveRecording', {
    sessionId: training.ticket.id,
    mimeType: event.mimeType,
    audioBase64: event.audioBase64,
    durationMs: event.durationMs,
  });
  if (!saved.ok) useRolePlayStore.setState({ problem: saved.error });
  else if (useRolePlayStore.getState().result?.id === saved.value.id) useRolePlayStore.setState({ result: saved.value });
}

/** The line this console's training call is on, for the phone pane's banner. */
export function trainingLine(): LineId | null {
  const training = useRolePlayStore.getState().training;
  return training && training.status !== 'ended' && LINE_IDS.includes(training.line) ? training.line : null;
}

/** Starts following the phone (start-phone.ts, once). */
export function connectRolePlay(engine: PhonePort): void {
  unsubscribe?.();
  port = engine;
  const stopEvents = engine.subscribe(onEvent);
  const stopSharing = shareGuidance((line, info) => port?.send({ type: 'sendTrainingInfo', line, info }));
  unsubscribe = () => {
    stopEvents();
    stopSharing();
  };
}

/** For tests: forget the engine and state. */
export function resetRolePlayStore(): void {
  unsubscribe?.();
  unsubscribe = null;
  port = null;
  clearTimeout(resultPoll);
  useRolePlayStore.setState(initial);
}
