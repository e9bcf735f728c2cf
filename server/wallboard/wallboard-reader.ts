import type { TeamFigures, Wallboard, WallboardTeam } from '../../shared/api/wallboard';
import type { AgentStateName } from '../../shared/domain/agent-state';
import type { User } from '../../shared/domain/user';
import { teamFigures } from '../../shared/wallboard/figures';
import type { Queryable } from '../db/db';
import { readPresence } from '../presence/presence-store';
import { NO_ATTENDANCE, readAttendance } from '../schedules/attendance';
import { agentStatus } from './agent-status';

/**
 * Reads for the wallboard. Who is on it: the agents of the teams the supervisor belongs to, or of
 * every team for a director. Plain reads; the rules live in agent-status.ts and shared/wallboard/.
 */

interface TeamAgent {
  id: string;
  name: string;
  teamIds: string[];
}

/** The teams this supervisor sees, and their agents (enabled accounts with the agent role). */
export async function visibleAgents(q: Queryable, user: User): Promise<{ teams: WallboardTeam[]; agents: TeamAgent[]; allTeams: boolean }> {
  const allTeams = user.approvalLevel === 'director';
  const { rows: teams } = await q.query<WallboardTeam>(
    allTeams
      ? `SELECT id, name FROM teams ORDER BY name`
      : `SELECT t.id, t.name FROM teams t JOIN team_members m ON m.team_id = t.id WHERE m.user_id = $1 ORDER BY t.name`,
    allTeams ? [] : [user.id],
  );
  const { rows } = await q.query<{ id: string; name: string; team_ids: string[] }>(
    `SELECT u.id, u.display_name AS name, array_agg(m.team_id ORDER BY m.team_id) AS team_ids
       FROM users u JOIN team_members m ON m.user_id = u.id
      WHERE u.role = 'agent' AND NOT u.disabled AND m.team_id = ANY($1::text[])
      GROUP BY u.id, u.display_name ORDER BY u.display_name`,
    [teams.map((team) => team.id)],
  );
  return { teams, agents: rows.map((row) => ({ id: row.id, name: row.name, teamIds: row.team_ids })), allTeams };
}

async function countsByAgent(q: Queryable, sql: string, agentIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await q.query<{ agent_id: string; n: number }>(sql, [agentIds]);
  return new Map(rows.map((row) => [row.agent_id, row.n]));
}

export async function readWallboard(q: Queryable, user: User, staleMs?: number): Promise<Wallboard> {
  const { teams, agents, allTeams } = await visibleAgents(q, user);
  const ids = agents.map((agent) => agent.id);
  const [presence, logged, escalations, callbacks, now] = await Promise.all([
    readPresence(q, ids, staleMs),
    q.query<{ agent_id: string; state: AgentStateName; at: Date }>(
      `SELECT DISTINCT ON (agent_id) agent_id, state, at FROM agent_state_log WHERE agent_id = ANY($1::text[]) ORDER BY agent_id, at DESC`,
      [ids],
    ),
    countsByAgent(
      q,
      `SELECT author_id AS agent_id, count(*)::int AS n FROM interactions
        WHERE kind = 'escalation' AND NOT deleted AND details ->> 'status' = 'open' AND author_id = ANY($1::text[])
        GROUP BY author_id`,
      ids,
    ),
    countsByAgent(
      q,
      `SELECT author_id AS agent_id, count(*)::int AS n FROM interactions
        WHERE kind = 'callback' AND NOT deleted AND coalesce(details ->> 'status', 'scheduled') = 'scheduled'
          AND (details ->> 'dueAt')::timestamptz <= now() AND author_id = ANY($1::text[])
        GROUP BY author_id`,
      ids,
    ),
    q.query<{ now: Date }>(`SELECT now() AS now`),
  ]);
  const serverNow = now.rows[0]?.now ?? new Date();
  const attendance = await readAttendance(q, ids, serverNow.getTime());
  const presenceOf = new Map(presence.map((row) => [row.agentId, row]));
  const loggedOf = new Map(logged.rows.map((row) => [row.agent_id, { state: row.state, at: row.at.toISOString() }]));
  return {
    teams,
    allTeams,
    serverTime: serverNow.toISOString(),
    agents: agents.map((agent) => ({
      ...agent,
      ...agentStatus(presenceOf.get(agent.id), loggedOf.get(agent.id)),
      openEscalations: escalations.get(agent.id) ?? 0,
      callbacksDue: callbacks.get(agent.id) ?? 0,
      adherence: attendance.get(agent.id) ?? NO_ATTENDANCE,
    })),
  };
}

/** Figures from `since` (the supervisor's midnight) to now, for the agents on their wallboard. */
export async function readFigures(q: Queryable, user: User, since: Date): Promise<TeamFigures> {
  const { agents } = await visibleAgents(q, user);
  const ids = agents.map((agent) => agent.id);
  const [calls, states, escalations, surveys, now] = await Promise.all([
    q.query<{ agent_id: string; answered_at: Date | null; ended_at: Date }>(
      `SELECT agent_id, answered_at, ended_at FROM call_records WHERE agent_id = ANY($1::text[]) AND started_at >= $2`,
      [ids, since],
    ),
    // The changes in the period and, per agent, the one before it (the state they started the day in).
    q.query<{ agent_id: string; state: AgentStateName; at: Date }>(
      `SELECT agent_id, state, at FROM agent_state_log WHERE agent_id = ANY($1::text[]) AND at >= $2
       UNION ALL
       SELECT DISTINCT ON (agent_id) agent_id, state, at FROM agent_state_log
        WHERE agent_id = ANY($1::text[]) AND at < $2 ORDER BY agent_id, at DESC`,
      [ids, since],
    ),
    q.query<{ agent_id: string; decided: boolean }>(
      `SELECT r.user_id AS agent_id,
              EXISTS (SELECT 1 FROM escalation_decisions d WHERE d.escalation_id = r.escalation_id AND d.decision IN ('approve', 'deny')) AS decided
         FROM escalation_decisions r
        WHERE r.decision = 'raise' AND r.level_before = 'representative' AND r.user_id = ANY($1::text[]) AND r.decided_at >= $2`,
      [ids, since],
    ),
    q.query<{ agent_id: string; csat: number | null }>(
      `SELECT agent_id, csat FROM survey_responses WHERE agent_id = ANY($1::text[]) AND answered_at >= $2`,
      [ids, since],
    ),
    q.query<{ now: Date }>(`SELECT now() AS now`),
  ]);
  return teamFigures({
    since: since.getTime(),
    until: (now.rows[0]?.now ?? new Date()).getTime(),
    agents,
    calls: calls.rows.map((row) => ({ agentId: row.agent_id, answeredAt: row.answered_at?.getTime() ?? null, endedAt: row.ended_at.getTime() })),
    states: states.rows.map((row) => ({ agentId: row.agent_id, state: row.state, at: row.at.getTime() })),
    escalations: escalations.rows.map((row) => ({ agentId: row.agent_id, decided: row.decided })),
    surveys: surveys.rows.map((row) => ({ agentId: row.agent_id, csat: row.csat })),
  });
}
