import { z } from 'zod';
import { call, event } from './core';
import { AgentStateChange, AgentStateReason, SettableAgentState } from '../domain/agent-state';

/**
 * The agent's state (available, break, lunch …). Kept in the signed-in person's cache and its
 * outbox, so choosing a state works offline; without a session the calls fail UNAUTHENTICATED.
 */

const NoInput = z.object({}).strict();

export const agentCalls = {
  /** The state now and since when. */
  'agent.state': call({ input: NoInput, output: AgentStateChange }),
  /**
   * The agent picks a state from the menu, or takes the recovery pause offered after an abusive
   * call; `on_call` and `after_call_work` follow the phone.
   */
  'agent.setState': call({
    input: z.object({ state: SettableAgentState, reason: AgentStateReason.optional() }).strict(),
    output: AgentStateChange,
  }),
} as const;

export const agentEvents = {
  /** The state changed, by the agent's choice or by the console (a call connected, sign-in). */
  'agent.stateChanged': event({ payload: AgentStateChange }),
} as const;
