import { z } from 'zod';
import { PRESENCE_STALE_MS } from '../../shared/api/presence';
import { LiveCall, type PresenceReport } from '../../shared/domain/presence';
import type { Queryable } from '../db/db';

/**
 * The agent_presence table (migration 017). Every write that changes what a wallboard shows
 * notifies PRESENCE_CHANNEL with the agent's id in the same statement, so the notification goes
 * out when (and only if) the write commits, from whichever instance made it.
 */

export const PRESENCE_CHANNEL = 'kalma_presence';

const Calls = z.array(LiveCall);

/** The console's report, as the row's new content: connected, seen now. Notifies. */
export async function writePresence(q: Queryable, agentId: string, connectionId: string, report: PresenceReport): Promise<void> {
  await q.query(
    `WITH written AS (
       INSERT INTO agent_presence (agent_id, connection_id, connected, state, state_since, calls, seen_at, changed_at)
       VALUES ($1, $2, true, $3, $4, $5::jsonb, now(), now())
       ON CONFLICT (agent_id) DO UPDATE SET connection_id = excluded.connection_id, connected = true, state = excluded.state,
         state_since = excluded.state_since, calls = excluded.calls, seen_at = now(), changed_at = now()
       RETURNING agent_id)
     SELECT pg_notify('${PRESENCE_CHANNEL}', agent_id) FROM written`,
    [agentId, connectionId, report.state, report.stateSince, JSON.stringify(report.calls)],
  );
}

/**
 * A heartbeat with nothing new: the row is seen now. False when the row is no longer this
 * socket's connected row (the sweep marked it unreachable, or another console took over); the
 * caller then writes the whole report again, which notifies.
 */
export async function touchPresence(q: Queryable, agentId: string, connectionId: string): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE agent_presence SET seen_at = now() WHERE agent_id = $1 AND connection_id = $2 AND connected`,
    [agentId, connectionId],
  );
  return rowCount > 0;
}

/** The socket closed: the agent is unreachable now, unless a newer socket already speaks for them. Notifies. */
export async function markGone(q: Queryable, agentId: string, connectionId: string): Promise<void> {
  await q.query(
    `WITH gone AS (
       UPDATE agent_presence SET connected = false, changed_at = now()
        WHERE agent_id = $1 AND connection_id = $2 AND connected RETURNING agent_id)
     SELECT pg_notify('${PRESENCE_CHANNEL}', agent_id) FROM gone`,
    [agentId, connectionId],
  );
}

/**
 * Consoles not heard from for `staleMs` are marked unreachable (their network dropped without a
 * close, or the instance holding their socket died). Every instance runs it; the update is
 * idempotent, and only the instance that changed a row notifies for it. Answers how many.
 */
export async function sweepQuietConsoles(q: Queryable, staleMs = PRESENCE_STALE_MS): Promise<number> {
  const { rows } = await q.query<{ agent_id: string }>(
    `WITH quiet AS (
       UPDATE agent_presence SET connected = false, changed_at = now()
        WHERE connected AND seen_at < now() - make_interval(secs => $1::double precision / 1000) RETURNING agent_id)
     SELECT agent_id, pg_notify('${PRESENCE_CHANNEL}', agent_id) FROM quiet`,
    [staleMs],
  );
  return rows.length;
}

export interface PresenceRow {
  agentId: string;
  /** Connected and heard from within the stale limit. */
  reachable: boolean;
  state: PresenceReport['state'];
  stateSince: string;
  calls: LiveCall[];
  seenAt: string;
}

interface RawRow {
  agent_id: string;
  reachable: boolean;
  state: PresenceReport['state'];
  state_since: Date;
  calls: unknown;
  seen_at: Date;
}

/** The presence of these agents (those that ever reported), with reachability judged by the database's clock. */
export async function readPresence(q: Queryable, agentIds: readonly string[], staleMs = PRESENCE_STALE_MS): Promise<PresenceRow[]> {
  if (agentIds.length === 0) return [];
  const { rows } = await q.query<RawRow>(
    `SELECT agent_id, state, state_since, calls, seen_at,
            connected AND seen_at >= now() - make_interval(secs => $2::double precision / 1000) AS reachable
       FROM agent_presence WHERE agent_id = ANY($1::text[])`,
    [agentIds, staleMs],
  );
  return rows.map((row) => {
    // A row written by an older console version may not parse; its calls are then not shown.
    const calls = Calls.safeParse(row.calls);
    return {
      agentId: row.agent_id,
      reachable: row.reachable,
      state: row.state,
      stateSince: row.state_since.toISOString(),
      calls: calls.success ? calls.data : [],
      seenAt: row.seen_at.toISOString(),
    };
  });
}

/**
 * The agent's live call with this callId, as their console reports it now; null when the agent's
 * console is unreachable or has no such call. Monitoring grants use it to refuse a grant for a call
 * that is not the agent's live call.
 */
export async function findLiveCall(q: Queryable, agentId: string, callId: string): Promise<LiveCall | null> {
  const [presence] = await readPresence(q, [agentId]);
  if (!presence?.reachable) return null;
  return presence.calls.find((call) => call.callId === callId) ?? null;
}
