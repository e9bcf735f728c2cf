import type { Database, Statement } from 'better-sqlite3';
import { AgentStateChange, AgentStateName, AgentStateReason } from '../../../shared/domain/agent-state';
import { parseInput } from './cache-errors';
import type { OutboxStore } from './outbox-store';

/**
 * The agent's state changes, kept here and queued for the server in one transaction, so a state
 * chosen offline is on record with its own time once the server is back.
 */
export class AgentStateLog {
  private readonly insert: Statement<[string, string, string | null, string]>;
  private readonly latest: Statement<[], AgentStateChange>;

  constructor(
    private readonly db: Database,
    private readonly outbox: OutboxStore,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {
    this.insert = db.prepare('INSERT INTO agent_states (id, state, reason, at) VALUES (?, ?, ?, ?)');
    this.latest = db.prepare('SELECT id, state, reason, at FROM agent_states ORDER BY seq DESC LIMIT 1');
  }

  /** The state now: the last change recorded on this machine, or null before the first. */
  current(): AgentStateChange | null {
    const row = this.latest.get();
    return row ? AgentStateChange.parse(row) : null;
  }

  /** Records a change. Choosing the state one is already in (same reason) records nothing. */
  change(state: AgentStateName, reason: string | null = null): AgentStateChange {
    const next = AgentStateChange.parse({
      id: this.newId(),
      state: parseInput(AgentStateName, state, 'agent state'),
      reason: reason === null ? null : parseInput(AgentStateReason, reason, 'reason') || null,
      at: this.now().toISOString(),
    });
    return this.db
      .transaction(() => {
        const current = this.current();
        if (current && current.state === next.state && current.reason === next.reason) return current;
        this.insert.run(next.id, next.state, next.reason, next.at);
        this.outbox.enqueue(this.newId(), { kind: 'agent.state', payload: next });
        return next;
      })
      .immediate();
  }

  /** Newest first. */
  recent(limit: number): AgentStateChange[] {
    const rows = this.db
      .prepare<[number], AgentStateChange>('SELECT id, state, reason, at FROM agent_states ORDER BY seq DESC LIMIT ?')
      .all(Math.max(1, Math.min(1_000, Math.trunc(limit) || 1)));
    return rows.map((row) => AgentStateChange.parse(row));
  }
}
