import { z } from 'zod';
import { create } from 'zustand';
import type { ErrorCode } from '../../../../shared/contract';
import type { AgentStateChange, ChosenAgentState, SettableAgentState } from '../../../../shared/domain/agent-state';
import { DEFAULT_RECOVERY_PAUSE_SECONDS } from '../../../../shared/domain/wrap-up';
import { callHost } from '../../host-call';
import { host } from '../../host/client';
import { followCalls, followStateWithPhone } from './follow-calls';
import { reportCalls } from '../presence/report-calls';

/**
 * The agent's state (available, break, lunch …) as the host keeps it. The host announces every
 * change (`agent.stateChanged`), including the ones the console makes itself at sign-in; this
 * store listens, and sends the agent's own choices.
 *
 * It also keeps the recovery pause: offered after a wrap-up of a call flagged abusive, taken or
 * not, and ended by itself when its time is up so the agent is not left off the queue.
 */
export interface AgentStateStore {
  current: AgentStateChange | null;
  saving: boolean;
  error: ErrorCode | null;
  /** A recovery pause on offer, with its length; null when none is offered. */
  recoveryOffer: { seconds: number } | null;
  /** When the recovery pause being taken ends (epoch ms); null outside one. */
  recoveryEndsAt: number | null;
  /** Subscribes to the host's announcements and reads the state now. Returns the unsubscribe. */
  start(): () => void;
  choose(state: ChosenAgentState, reason?: string): Promise<void>;
  /** After saving a wrap-up of an abusive call: offer a pause this long. */
  offerRecovery(seconds: number): void;
  declineRecovery(): void;
  takeRecoveryPause(): Promise<void>;
  /** The agent is ready before the time is up; also what the timer does when it is. */
  endRecoveryPause(): Promise<void>;
}

export const agentStateInitialState = {
  current: null as AgentStateChange | null,
  saving: false,
  error: null as ErrorCode | null,
  recoveryOffer: null as { seconds: number } | null,
  recoveryEndsAt: null as number | null,
} satisfies Partial<AgentStateStore>;

let recoveryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The pause's end outlives a reload of the console (sessionStorage: this window only): its length
 * came with the offer, which a reload forgets, and the floor's length may not be the default.
 * Keyed by the state change, so an old entry never applies to a later pause.
 */
const RECOVERY_END_KEY = 'kalma.recoveryPauseEnd';
const RecoveryEnd = z.object({ stateId: z.string(), endsAt: z.number().int().positive() });

function rememberRecoveryEnd(stateId: string, endsAt: number): void {
  try {
    sessionStorage.setItem(RECOVERY_END_KEY, JSON.stringify({ stateId, endsAt }));
  } catch {
    // No storage (private mode, quota): a reload then falls back to the default length.
  }
}

function recalledRecoveryEnd(stateId: string): number | null {
  try {
    const parsed = RecoveryEnd.safeParse(JSON.parse(sessionStorage.getItem(RECOVERY_END_KEY) ?? 'null'));
    return parsed.success && parsed.data.stateId === stateId ? parsed.data.endsAt : null;
  } catch {
    return null;
  }
}

function clearRecoveryTimer(): void {
  clearTimeout(recoveryTimer);
  recoveryTimer = undefined;
}

export const useAgentStateStore = create<AgentStateStore>()((set, get) => {
  /** Keeps the timer in step with the state: armed in recovery, gone in any other state. */
  const apply = (current: AgentStateChange) => {
    set({ current });
    followStateWithPhone(current.state, get().recoveryOffer !== null);
    if (current.state !== 'recovery') {
      clearRecoveryTimer();
      if (get().recoveryEndsAt !== null) set({ recoveryEndsAt: null });
      return;
    }
    // After a reload: the end remembered for this pause, else the default from the change's time.
    const endsAt = get().recoveryEndsAt ?? recalledRecoveryEnd(current.id) ?? Date.parse(current.at) + DEFAULT_RECOVERY_PAUSE_SECONDS * 1000;
    rememberRecoveryEnd(current.id, endsAt);
    set({ recoveryEndsAt: endsAt, recoveryOffer: null });
    if (recoveryTimer === undefined) {
      recoveryTimer = setTimeout(() => {
        recoveryTimer = undefined;
        void get().endRecoveryPause();
      }, Math.max(0, endsAt - Date.now()));
    }
  };

  const setState = async (state: SettableAgentState, reason?: string): Promise<boolean> => {
    set({ saving: true, error: null });
    const trimmed = reason?.trim();
    const result = await callHost('agent.setState', { state, ...(trimmed ? { reason: trimmed } : {}) });
    if (!result.ok) {
      set({ saving: false, error: result.error.code });
      return false;
    }
    set({ saving: false });
    apply(result.value);
    return true;
  };

  return {
    ...agentStateInitialState,

    start() {
      const stop = host.on('agent.stateChanged', apply);
      const stopFollowing = followCalls();
      // Presence: the calls on the lines go up with the state, for the supervisors' wallboard.
      const stopReporting = reportCalls();
      void callHost('agent.state', {}).then((result) => {
        if (result.ok) apply(result.value);
      });
      return () => {
        stop();
        stopFollowing();
        stopReporting();
        clearRecoveryTimer();
      };
    },

    async choose(state, reason) {
      if (get().recoveryOffer) get().declineRecovery();
      await setState(state, reason);
    },

    offerRecovery(seconds) {
      if (seconds <= 0) return;
      set({ recoveryOffer: { seconds } });
      followStateWithPhone(get().current?.state ?? 'offline', true);
    },

    declineRecovery() {
      set({ recoveryOffer: null });
      const current = get().current;
      if (current) followStateWithPhone(current.state);
    },

    async takeRecoveryPause() {
      const offer = get().recoveryOffer;
      if (!offer) return;
      clearRecoveryTimer();
      set({ recoveryEndsAt: Date.now() + offer.seconds * 1000 });
      if (!(await setState('recovery'))) set({ recoveryEndsAt: null });
    },

    async endRecoveryPause() {
      clearRecoveryTimer();
      if (get().current?.state !== 'recovery') return;
      await setState('available');
    },
  };
});

export function resetAgentStateStore(): void {
  clearRecoveryTimer();
  useAgentStateStore.setState(agentStateInitialState);
}
