import { create } from 'zustand';
import type { GuidanceContent } from '../../../../shared/contract/guidance';
import type { Script } from '../../../../shared/guidance/script';
import { hasGuidance, runLog, type CallGuidanceLog } from '../../../../shared/guidance/call-log';
import { applyTrigger, choose, startRun, tick, tickedItems, untick, type ScriptRun } from '../../../../shared/guidance/script-run';
import {
  agentFiring,
  audioCueFiring,
  clockFirings,
  DEFAULT_GUIDANCE_THRESHOLDS,
  historyFirings,
  reasonFiring,
  type CustomerHistory,
  type TriggerFiring,
} from '../../../../shared/guidance/triggers';
import {
  createScheduler,
  type Prompt,
  type Scheduler,
  type SchedulerState,
} from '../../../../shared/guidance/triggers-scheduler';
import { LINE_IDS, type LineSnapshot } from '../../../../shared/phone/phone-protocol';
import { callHost } from '../../host-call';
import { host } from '../../host/client';
import { useCustomersStore } from '../customers/customers-store';
import { usePhoneStore } from '../phone/phone-store';
import { listenForAudioCues } from './audio-cue-watch';
import { isGuidanceHotkey } from './guidance-shortcuts';

/**
 * Guidance during a call: the floor's scripts from the host (cached, so offline too), the trigger
 * scheduler for the call on the line, and the script run behind the prompt on screen. The phone and
 * customers stores are read, never written.
 *
 * A call pins each script the first time it uses it: a trainer publishing a new version mid-call
 * changes the next call, not this one.
 */

/** An ended call's guidance log (shared/guidance/call-log.ts), kept until its wrap-up carries it to the call record. */
export interface EndedCallLog extends CallGuidanceLog {
  callId: string;
}

interface CallGuidance {
  callId: string;
  scheduler: Scheduler;
  state: SchedulerState;
  /** Script per id, as first used in this call. */
  pinned: Record<string, Script>;
  /** The run behind each prompt that has shown; a prompt set aside and shown again continues it. */
  runs: Record<string, ScriptRun>;
  heldSince: number | null;
  answeredAt: number;
  /** Customers whose history was already offered in this call. */
  historyFor: string[];
}

export interface GuidanceState {
  content: GuidanceContent | null;
  loadStatus: 'idle' | 'loading' | 'ready' | 'failed';
  call: CallGuidance | null;
  /** Logs of ended calls, newest last, until the host takes them. */
  endedLogs: EndedCallLog[];
  load(): Promise<void>;
  /** Starts following the phone, the customer card, audio cues, the hotkey and content changes. */
  start(): () => void;
  callChanged(line: LineSnapshot | null, now?: number): void;
  offer(firing: TriggerFiring, now?: number): void;
  customerUpset(via: 'hotkey' | 'button', now?: number): void;
  /** The agent chose what the call is about (a disposition code); a code with a script opens it. */
  callReason(code: string, now?: number): void;
  /** The log of an ended call, for its wrap-up; null when guidance had nothing to say in it. */
  logFor(callId: string): CallGuidanceLog | null;
  offerHistory(customerId: string, history: CustomerHistory, now?: number): void;
  tickClock(now?: number): void;
  choose(choiceId: string, now?: number): void;
  toggleCheck(itemId: string, now?: number): void;
  follow(now?: number): void;
  dismiss(now?: number): void;
}

/** The line whose call guidance follows: the one being talked on, else the one on hold. */
export function callLine(lines: Record<1 | 2, LineSnapshot>): LineSnapshot | null {
  for (const name of ['active', 'transferring', 'held']) {
    const id = LINE_IDS.find((line) => lines[line].state.name === name);
    if (id !== undefined && lines[id].callId !== null) return lines[id];
  }
  return null;
}

/** The prompt on screen and where its script is, for the panel. */
export function showingRun(state: Pick<GuidanceState, 'call'>): { prompt: Prompt; run: ScriptRun | null } | null {
  const prompt = state.call?.state.showing;
  if (!prompt || !state.call) return null;
  return { prompt, run: state.call.runs[prompt.id] ?? null };
}

export { tickedItems };

const iso = (ms: number) => new Date(ms).toISOString();

export const useGuidanceStore = create<GuidanceState>()((set, get) => {
  /** Starts the run for a newly shown prompt, with the call's pinned copy of its script. */
  function withRuns(call: CallGuidance, now: number): CallGuidance {
    const prompt = call.state.showing;
    if (!prompt || call.runs[prompt.id]) return call;
    const pinnedScript = Object.values(call.pinned).find((script) => script.situations.includes(prompt.situation));
    const script = pinnedScript ?? get().content?.scripts.find((candidate) => candidate.situations.includes(prompt.situation));
    if (!script) return call;
    return {
      ...call,
      pinned: pinnedScript ? call.pinned : { ...call.pinned, [script.id]: script },
      runs: { ...call.runs, [prompt.id]: startRun(script, iso(now)) },
    };
  }

  function updateCall(change: (call: CallGuidance) => CallGuidance | null, now: number): void {
    const call = get().call;
    if (!call) return;
    const next = change(call);
    if (next) set({ call: withRuns(next, now) });
  }

  function updateRun(change: (run: ScriptRun) => ScriptRun): void {
    updateCall((call) => {
      const prompt = call.state.showing;
      const run = prompt ? call.runs[prompt.id] : undefined;
      if (!prompt || !run) return null;
      return { ...call, runs: { ...call.runs, [prompt.id]: change(run) } };
    }, Date.now());
  }

  function endCall(call: CallGuidance, now: number): void {
    const ended = call.scheduler.endCall(call.state, now).state;
    const log: EndedCallLog = {
      callId: call.callId,
      prompts: [...ended.log],
      tally: ended.tally,
      runs: Object.values(call.runs).map(runLog),
    };
    set({ call: null, endedLogs: [...get().endedLogs, log].slice(-20) });
  }

  return {
    content: null,
    loadStatus: 'idle',
    call: null,
    endedLogs: [],

    async load() {
      set({ loadStatus: get().content ? 'ready' : 'loading' });
      const result = await callHost('guidance.content', {});
      if (result.ok) set({ content: result.value, loadStatus: 'ready' });
      else set({ loadStatus: get().content ? 'ready' : 'failed' });
    },

    start() {
      void get().load();
      const stops: (() => void)[] = [];
      stops.push(host.on('guidance.changed', () => void get().load()));
      const followPhone = () => get().callChanged(callLine(usePhoneStore.getState().lines));
      stops.push(usePhoneStore.subscribe((state, previous) => state.lines !== previous.lines && followPhone()));
      followPhone();
      const followCard = () => {
        const { card, history } = useCustomersStore.getState();
        if (card) get().offerHistory(card.customer.id, customerHistory(card.customer.tags, history));
      };
      stops.push(useCustomersStore.subscribe((state, previous) => (state.card !== previous.card || state.history !== previous.history) && followCard()));
      stops.push(
        usePhoneStore.subscribe((state, previous) => {
          if (state.lines !== previous.lines && get().call) followCard();
        }),
      );
      stops.push(
        listenForAudioCues((cue) => {
          if (cue.callId === get().call?.callId) get().offer(audioCueFiring(cue), cue.at);
        }),
      );
      const onKey = (event: KeyboardEvent) => {
        if (!isGuidanceHotkey(event) || !get().call) return;
        event.preventDefault();
        get().customerUpset('hotkey');
      };
      window.addEventListener('keydown', onKey);
      stops.push(() => window.removeEventListener('keydown', onKey));
      const timer = window.setInterval(() => get().tickClock(), 1000);
      stops.push(() => window.clearInterval(timer));
      return () => stops.forEach((stop) => stop());
    },

    callChanged(line, now = Date.now()) {
      const call = get().call;
      if (call && call.callId !== line?.callId) endCall(call, now);
      if (!line?.callId) return;
      const current = get().call;
      const held = line.state.name === 'held';
      if (current) {
        const heldSince = held ? (current.heldSince ?? now) : null;
        if (heldSince !== current.heldSince) set({ call: { ...current, heldSince } });
        return;
      }
      const scheduler = createScheduler({ thresholds: get().content?.thresholds ?? DEFAULT_GUIDANCE_THRESHOLDS });
      set({
        call: {
          callId: line.callId,
          scheduler,
          state: scheduler.initial(),
          pinned: {},
          runs: {},
          heldSince: held ? now : null,
          answeredAt: line.answeredAt ?? now,
          historyFor: [],
        },
      });
    },

    offer(firing, now = Date.now()) {
      updateCall((call) => {
        // The script on screen may branch on this trigger ("customer upset" mid walk-through).
        const showing = call.state.showing;
        const run = showing ? call.runs[showing.id] : undefined;
        const runs = showing && run ? { ...call.runs, [showing.id]: applyTrigger(run, firing.trigger, iso(now)) } : call.runs;
        return { ...call, runs, state: call.scheduler.offer(call.state, firing, now).state };
      }, now);
    },

    customerUpset(via, now = Date.now()) {
      get().offer(agentFiring(via, now), now);
    },

    callReason(code, now = Date.now()) {
      const firing = reasonFiring(code, now, get().content?.thresholds ?? DEFAULT_GUIDANCE_THRESHOLDS);
      if (firing) get().offer(firing, now);
    },

    logFor(callId) {
      const ended = get().endedLogs.findLast((log) => log.callId === callId);
      if (!ended) return null;
      const { callId: _callId, ...log } = ended;
      return hasGuidance(log) ? log : null;
    },

    offerHistory(customerId, history, now = Date.now()) {
      const call = get().call;
      if (!call || call.historyFor.includes(customerId)) return;
      set({ call: { ...call, historyFor: [...call.historyFor, customerId] } });
      const thresholds = get().content?.thresholds ?? DEFAULT_GUIDANCE_THRESHOLDS;
      for (const firing of historyFirings(history, now, thresholds)) get().offer(firing, now);
    },

    tickClock(now = Date.now()) {
      const call = get().call;
      if (!call) return;
      const thresholds = get().content?.thresholds ?? DEFAULT_GUIDANCE_THRESHOLDS;
      const firings = clockFirings({ callType: null, answeredAt: call.answeredAt, heldSince: call.heldSince }, now, thresholds);
      updateCall((current) => {
        let state = current.scheduler.tick(current.state, now).state;
        for (const firing of firings) state = current.scheduler.offer(state, firing, now).state;
        return state === current.state ? null : { ...current, state };
      }, now);
    },

    choose(choiceId, now = Date.now()) {
      updateRun((run) => choose(run, choiceId, iso(now)));
    },

    toggleCheck(itemId, now = Date.now()) {
      updateRun((run) => (tickedItems(run).has(itemId) ? untick(run, itemId, iso(now)) : tick(run, itemId, iso(now))));
    },

    follow(now = Date.now()) {
      updateCall((call) => (call.state.showing ? { ...call, state: call.scheduler.follow(call.state, call.state.showing.id, now).state } : null), now);
    },

    dismiss(now = Date.now()) {
      updateCall((call) => (call.state.showing ? { ...call, state: call.scheduler.dismiss(call.state, call.state.showing.id, now).state } : null), now);
    },
  };
});

/** What the open card and its history say about the caller, for the history triggers. */
export function customerHistory(tags: readonly string[], history: readonly { kind: string; occurredAt: string; status?: unknown }[]): CustomerHistory {
  const complaints = history.filter((entry) => entry.kind === 'complaint');
  const open = (entry: { status?: unknown }) => entry.status === 'open' || entry.status === 'in_progress';
  return {
    tags,
    complaintTimes: complaints.map((entry) => Date.parse(entry.occurredAt)).filter((time) => Number.isFinite(time)),
    openCases: complaints.filter(open).length,
    openEscalations: history.filter((entry) => entry.kind === 'escalation' && open(entry)).length,
  };
}
