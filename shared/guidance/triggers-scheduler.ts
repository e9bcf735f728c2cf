import { z } from 'zod';
import {
  DEFAULT_GUIDANCE_THRESHOLDS,
  SituationId,
  TriggerId,
  triggerDefinitions,
  type GuidanceThresholds,
  type TriggerDefinition,
  type TriggerFiring,
} from './triggers';

/**
 * Decides which guidance prompt the agent sees, one call at a time. Pure: each action takes the
 * state and the time and returns the next state, so the store owns the clock and the tests own
 * every millisecond.
 *
 * The rules:
 * - a trigger is ignored within its cooldown, and after its per-call limit;
 * - a prompt the agent is reading is never replaced by another: new ones wait in a queue, highest
 *   priority first (then oldest), and the next shows only when the agent follows or dismisses it;
 * - at most `maxPromptsPerMinute` unrequested prompts show in any rolling minute; the rest wait;
 * - a waiting prompt that has missed its moment (`staleAfterSeconds`) is dropped;
 * - what the agent asks for (hotkey, button) shows at once, past the cap; the prompt it covers goes
 *   back to the queue and returns when the agent is done;
 * - a script already on screen or waiting is not offered twice;
 * - every prompt taken, shown, followed, dismissed, set aside, dropped or left open at the end of
 *   the call is logged, and every firing is counted by what became of it: both go on the call
 *   record for coaching.
 */

export const CAP_WINDOW_MS = 60_000;

export const OfferOutcome = z.enum(['shown', 'queued', 'cooldown', 'call-limit', 'duplicate', 'disabled']);
export type OfferOutcome = z.infer<typeof OfferOutcome>;

export const PromptEvent = z.enum(['queued', 'shown', 'followed', 'dismissed', 'set-aside', 'merged', 'expired', 'closed']);
export type PromptEvent = z.infer<typeof PromptEvent>;

export const PromptLogEntry = z.object({
  at: z.number(),
  event: PromptEvent,
  promptId: z.string().max(80),
  trigger: TriggerId,
  situation: SituationId,
  via: z.string().max(64).nullable(),
});
export type PromptLogEntry = z.infer<typeof PromptLogEntry>;

/** Firings per trigger, by what the scheduler did with them. */
export const FiringTally = z.partialRecord(TriggerId, z.partialRecord(OfferOutcome, z.number().int().min(0)));
export type FiringTally = z.infer<typeof FiringTally>;

export interface Prompt {
  id: string;
  trigger: TriggerId;
  situation: SituationId;
  priority: number;
  requestedByAgent: boolean;
  firedAt: number;
  /** When it first showed; a prompt set aside and shown again keeps its first time. */
  shownAt: number | null;
  staleAfterMs: number | null;
  via: string | null;
  detail: TriggerFiring['detail'];
}

export interface SchedulerState {
  /** The prompt the agent is reading, if any. */
  showing: Prompt | null;
  /** Waiting prompts, in the order they will show. */
  queue: readonly Prompt[];
  lastTaken: Partial<Record<TriggerId, number>>;
  takenThisCall: Partial<Record<TriggerId, number>>;
  /** When unrequested prompts were shown, within the last cap window. */
  shownTimes: readonly number[];
  tally: FiringTally;
  log: readonly PromptLogEntry[];
  nextNumber: number;
}

export interface SchedulerStep {
  state: SchedulerState;
  /** What the panel shows now. */
  showing: Prompt | null;
  /** For an offer: what became of the firing. */
  outcome: OfferOutcome | null;
}

export interface Scheduler {
  readonly definitions: Partial<Record<TriggerId, TriggerDefinition>>;
  initial(): SchedulerState;
  offer(state: SchedulerState, firing: TriggerFiring, now: number): SchedulerStep;
  follow(state: SchedulerState, promptId: string, now: number): SchedulerStep;
  dismiss(state: SchedulerState, promptId: string, now: number): SchedulerStep;
  /** Time passed: waiting prompts may expire, or show now that the cap allows. Call every second or so. */
  tick(state: SchedulerState, now: number): SchedulerStep;
  /** The call ended: whatever was showing or waiting is closed; the state's log is the call's. */
  endCall(state: SchedulerState, now: number): SchedulerStep;
}

export function createScheduler(config: { thresholds?: GuidanceThresholds } = {}): Scheduler {
  const thresholds = config.thresholds ?? DEFAULT_GUIDANCE_THRESHOLDS;
  const definitions = triggerDefinitions(thresholds);
  const cap = thresholds.maxPromptsPerMinute;

  const step = (state: SchedulerState, outcome: OfferOutcome | null = null): SchedulerStep => ({ state, showing: state.showing, outcome });

  /** Drops stale waiting prompts, then shows the next one if nothing is showing and the cap allows. */
  function settle(state: SchedulerState, now: number): SchedulerState {
    const log = [...state.log];
    const queue = state.queue.filter((prompt) => {
      const fresh = prompt.staleAfterMs === null || now - prompt.firedAt <= prompt.staleAfterMs;
      if (!fresh) log.push(entry(prompt, 'expired', now));
      return fresh;
    });
    const shownTimes = state.shownTimes.filter((time) => now - time < CAP_WINDOW_MS);
    let showing = state.showing;
    if (showing === null && queue.length > 0) {
      // Outside the cap: what the agent asked for, and a prompt they had already seen.
      const exempt = (prompt: Prompt) => prompt.requestedByAgent || prompt.shownAt !== null;
      const index = shownTimes.length < cap ? 0 : queue.findIndex(exempt);
      const next = index >= 0 ? queue[index] : undefined;
      if (next) {
        queue.splice(index, 1);
        if (!exempt(next)) shownTimes.push(now);
        showing = { ...next, shownAt: next.shownAt ?? now };
        log.push(entry(showing, 'shown', now));
      }
    }
    return { ...state, showing, queue, shownTimes, log };
  }

  function offer(state: SchedulerState, firing: TriggerFiring, now: number): SchedulerStep {
    const definition = definitions[firing.trigger];
    const refuse = (outcome: OfferOutcome) => step(counted(state, firing.trigger, outcome), outcome);
    if (!definition) return refuse('disabled');
    const last = state.lastTaken[firing.trigger];
    if (last !== undefined && now - last < definition.cooldownSeconds * 1000) return refuse('cooldown');
    const taken = state.takenThisCall[firing.trigger] ?? 0;
    if (definition.maxPerCall !== null && taken >= definition.maxPerCall) return refuse('call-limit');
    const situation = firing.situation ?? definition.opens;
    if (state.showing?.situation === situation) return refuse('duplicate');
    const waiting = state.queue.find((prompt) => prompt.situation === situation);
    if (waiting && !definition.requestedByAgent) return refuse('duplicate');

    const prompt: Prompt = {
      id: `${firing.trigger}-${state.nextNumber}`,
      trigger: firing.trigger,
      situation,
      priority: definition.priority,
      requestedByAgent: definition.requestedByAgent,
      firedAt: firing.at,
      shownAt: null,
      staleAfterMs: definition.staleAfterSeconds === null ? null : definition.staleAfterSeconds * 1000,
      via: firing.via,
      detail: firing.detail,
    };
    const log = [...state.log];
    let queue = state.queue.filter((other) => other !== waiting);
    if (waiting) log.push(entry(waiting, 'merged', now));
    let showing = state.showing;
    if (definition.requestedByAgent && showing) {
      // The agent asked for something else: what they were reading waits for them.
      log.push(entry(showing, 'set-aside', now));
      queue = [...queue, showing];
      showing = null;
    }
    queue = [...queue, prompt].sort(byTurn);
    if (!definition.requestedByAgent) log.push(entry(prompt, 'queued', now));
    let next: SchedulerState = {
      ...state,
      showing,
      queue,
      log,
      lastTaken: { ...state.lastTaken, [firing.trigger]: now },
      takenThisCall: { ...state.takenThisCall, [firing.trigger]: taken + 1 },
      nextNumber: state.nextNumber + 1,
    };
    if (definition.requestedByAgent) next = showNow(next, prompt, now);
    next = settle(next, now);
    const outcome: OfferOutcome = next.showing?.id === prompt.id ? 'shown' : 'queued';
    return step(counted(next, firing.trigger, outcome), outcome);
  }

  function done(event: 'followed' | 'dismissed') {
    return (state: SchedulerState, promptId: string, now: number): SchedulerStep => {
      if (state.showing?.id !== promptId) return step(settle(state, now));
      const closed = { ...state, showing: null, log: [...state.log, entry(state.showing, event, now)] };
      return step(settle(closed, now));
    };
  }

  return {
    definitions,
    initial: () => ({ showing: null, queue: [], lastTaken: {}, takenThisCall: {}, shownTimes: [], tally: {}, log: [], nextNumber: 1 }),
    offer,
    follow: done('followed'),
    dismiss: done('dismissed'),
    tick: (state, now) => step(settle(state, now)),
    endCall(state, now) {
      const open = [...(state.showing ? [state.showing] : []), ...state.queue];
      return step({ ...state, showing: null, queue: [], log: [...state.log, ...open.map((prompt) => entry(prompt, 'closed', now))] });
    },
  };
}

function showNow(state: SchedulerState, prompt: Prompt, now: number): SchedulerState {
  return {
    ...state,
    showing: { ...prompt, shownAt: now },
    queue: state.queue.filter((other) => other.id !== prompt.id),
    log: [...state.log, entry(prompt, 'shown', now)],
  };
}

/** Higher priority first; among equals, the one that fired first. */
function byTurn(a: Prompt, b: Prompt): number {
  return b.priority - a.priority || a.firedAt - b.firedAt;
}

function entry(prompt: Prompt, event: PromptEvent, at: number): PromptLogEntry {
  return { at, event, promptId: prompt.id, trigger: prompt.trigger, situation: prompt.situation, via: prompt.via };
}

function counted(state: SchedulerState, trigger: TriggerId, outcome: OfferOutcome): SchedulerState {
  const mine = state.tally[trigger] ?? {};
  return { ...state, tally: { ...state.tally, [trigger]: { ...mine, [outcome]: (mine[outcome] ?? 0) + 1 } } };
}
