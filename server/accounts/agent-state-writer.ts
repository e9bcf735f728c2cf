import type { AgentStateChange } from '../../shared/domain/agent-state';
import type { Author } from '../../shared/domain/interaction';
import type { Queryable } from '../db/db';

/**
 * Keeps one entry of an agent's state log under whoever is signed in. The console's time is kept
 * as the time of the change: a break started offline started when the agent clicked, not when the
 * network came back.
 */
export async function recordAgentState(q: Queryable, agent: Author, change: AgentStateChange): Promise<void> {
  await q.query(
    `INSERT INTO agent_state_log (id, agent_id, state, reason, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
    [change.id, agent.id, change.state, change.reason, change.at],
  );
}
