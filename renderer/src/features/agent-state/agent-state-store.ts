import { create } from 'zustand';
import type { ErrorCode } from '../../../../shared/contract';
import type { AgentStateChange, ChosenAgentState } from '../../../../shared/domain/agent-state';
import { callHost } from '../../host-call';
import { host } from '../../host/client';
import { followCalls, followStateWithPhone } from './follow-calls';

/**
 * The agent's state (available, break, lunch …) as the host keeps it. The host announces every
 * change (`agent.stateChanged`), including the ones the console makes itself at sign-in; this
 * store listens, and sends the agent's own choices.
 */
export interface AgentStateStore {
  current: AgentStateChange | null;
  saving: boolean;
  error: ErrorCode | null;
  /** Subscribes to the host's announcements and reads the state now. Returns the unsubscribe. */
  start(): () => void;
  choose(state: ChosenAgentState, reason?: string): Promise<void>;
}

export const agentStateInitialState = {
  current: null as AgentStateChange | null,
  saving: false,
  error: null as ErrorCode | null,
} satisfies Partial<AgentStateStore>;

export const useAgentStateStore = create<AgentStateStore>()((set) => ({
  ...agentStateInitialState,

  start() {
    const apply = (current: AgentStateChange) => {
      set({ current });
      followStateWithPhone(current.state);
    };
    const stop = host.on('agent.stateChanged', apply);
    const stopFollowing = followCalls();
    void callHost('agent.state', {}).then((result) => {
      if (result.ok) apply(result.value);
    });
    return () => {
      stop();
      stopFollowing();
    };
  },

  async choose(state, reason) {
    set({ saving: true, error: null });
    const trimmed = reason?.trim();
    const result = await callHost('agent.setState', { state, ...(trimmed ? { reason: trimmed } : {}) });
    if (!result.ok) {
      set({ saving: false, error: result.error.code });
      return;
    }
    set({ current: result.value, saving: false });
    followStateWithPhone(result.value.state);
  },
}));

export function resetAgentStateStore(): void {
  useAgentStateStore.setState(agentStateInitialState);
}
