import { z } from 'zod';
import { Instant } from './row-version';

/**
 * Where an agent is in their shift. The agent picks the away states and `available`; the console
 * itself moves them to `on_call` when a call connects and to `after_call_work` while they wrap up.
 * Every change is kept with its time (attendance and adherence read this log).
 */
export const AGENT_STATES = ['available', 'on_call', 'after_call_work', 'break', 'lunch', 'training', 'meeting', 'offline', 'recovery'] as const;
export const AgentStateName = z.enum(AGENT_STATES);
export type AgentStateName = z.infer<typeof AgentStateName>;

/** What the agent may choose from the menu; the rest follow the phone and the wrap-up. */
export const CHOSEN_STATES = ['available', 'break', 'lunch', 'training', 'meeting', 'offline'] as const satisfies readonly AgentStateName[];
export const ChosenAgentState = z.enum(CHOSEN_STATES);
export type ChosenAgentState = z.infer<typeof ChosenAgentState>;

/**
 * What the console may set for the agent: the chosen states, and `recovery`, the pause offered
 * after a call flagged abusive (Brazil's NR-17 Annex II). It is not in the menu, so that it stays
 * tied to such a call rather than becoming one more break.
 */
export const SETTABLE_STATES = [...CHOSEN_STATES, 'recovery'] as const satisfies readonly AgentStateName[];
export const SettableAgentState = z.enum(SETTABLE_STATES);
export type SettableAgentState = z.infer<typeof SettableAgentState>;

export const AgentStateReason = z.string().trim().max(200);

/** One entry of the state log: what the agent's console recorded, under an id it made. */
export const AgentStateChange = z
  .object({
    id: z.uuid(),
    state: AgentStateName,
    /** Optional words: "doctor's appointment", "coaching with Jose". */
    reason: AgentStateReason.nullable(),
    at: Instant,
  })
  .strict();
export type AgentStateChange = z.output<typeof AgentStateChange>;

/**
 * Whether the phone rings: for an available agent, and for one already on a call (the second line
 * is call waiting). Away or wrapping up, new calls are turned away.
 */
export function takesCalls(state: AgentStateName): boolean {
  return state === 'available' || state === 'on_call';
}
