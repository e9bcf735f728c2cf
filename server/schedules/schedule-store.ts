import type { TeamWeek } from '../../shared/api/schedules';
import { type AgentSchedule, DEFAULT_GRACE_MINUTES, EMPTY_WEEK, ShiftChange, TeamSchedule, WeekPattern } from '../../shared/schedules/shift';
import type { Queryable, Tx } from '../db/db';

/** Reads and writes of team_schedules and agent_schedules (021_schedules.sql). */

/** A team with no schedule yet is in the zone a first save sets; until then, Manila's. */
export const DEFAULT_TIME_ZONE = 'Asia/Manila';

interface AgentRow {
  agent_id: string;
  pattern: unknown;
  changes: unknown;
}

function agentSchedule(row: AgentRow): AgentSchedule {
  return {
    agentId: row.agent_id,
    pattern: WeekPattern.parse(row.pattern),
    changes: ShiftChange.array().parse(row.changes),
  };
}

/** The team's agents (enabled accounts with the agent role). */
export async function teamAgents(q: Queryable, teamId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await q.query<{ id: string; name: string }>(
    `SELECT u.id, u.display_name AS name FROM users u JOIN team_members m ON m.user_id = u.id
      WHERE m.team_id = $1 AND u.role = 'agent' AND NOT u.disabled ORDER BY u.display_name, u.id`,
    [teamId],
  );
  return rows;
}

export async function readTeamName(q: Queryable, teamId: string): Promise<string | null> {
  const { rows } = await q.query<{ name: string }>(`SELECT name FROM teams WHERE id = $1`, [teamId]);
  return rows[0]?.name ?? null;
}

export async function readTeamWeek(q: Queryable, team: { id: string; name: string }): Promise<TeamWeek> {
  const [settings, rows, agents] = await Promise.all([
    q.query<{ time_zone: string; grace_minutes: number; updated_at: Date }>(`SELECT time_zone, grace_minutes, updated_at FROM team_schedules WHERE team_id = $1`, [team.id]),
    q.query<AgentRow>(`SELECT agent_id, pattern, changes FROM agent_schedules WHERE team_id = $1`, [team.id]),
    teamAgents(q, team.id),
  ]);
  const kept = new Map(rows.rows.map((row) => [row.agent_id, agentSchedule(row)]));
  const head = settings.rows[0];
  return {
    team,
    agents,
    updatedAt: head?.updated_at.toISOString() ?? null,
    schedule: TeamSchedule.parse({
      teamId: team.id,
      timeZone: head?.time_zone ?? DEFAULT_TIME_ZONE,
      graceMinutes: head?.grace_minutes ?? DEFAULT_GRACE_MINUTES,
      // Every agent of the team, in the team's order; a former member's row is not shown.
      agents: agents.map((agent) => kept.get(agent.id) ?? { agentId: agent.id, pattern: EMPTY_WEEK, changes: [] }),
    }),
  };
}

/** Replaces the team's settings and the listed agents' weeks; agents left out keep theirs. */
export async function saveTeamWeek(tx: Tx, teamId: string, userId: string, schedule: Omit<TeamSchedule, 'teamId'>): Promise<void> {
  await tx.query(
    `INSERT INTO team_schedules (team_id, time_zone, grace_minutes, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (team_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, grace_minutes = EXCLUDED.grace_minutes,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [teamId, schedule.timeZone, schedule.graceMinutes, userId],
  );
  for (const agent of schedule.agents) {
    await tx.query(
      `INSERT INTO agent_schedules (team_id, agent_id, pattern, changes) VALUES ($1, $2, $3::jsonb, $4::jsonb)
       ON CONFLICT (team_id, agent_id) DO UPDATE SET pattern = EXCLUDED.pattern, changes = EXCLUDED.changes`,
      [teamId, agent.agentId, JSON.stringify(agent.pattern), JSON.stringify(agent.changes)],
    );
  }
}

export interface ScheduleOfAgent {
  teamId: string;
  timeZone: string;
  graceMinutes: number;
  schedule: AgentSchedule;
}

/** The schedules of these agents (the first team's, by team id, for an agent on two teams). */
export async function schedulesOf(q: Queryable, agentIds: readonly string[]): Promise<Map<string, ScheduleOfAgent>> {
  const { rows } = await q.query<AgentRow & { team_id: string; time_zone: string; grace_minutes: number }>(
    `SELECT DISTINCT ON (a.agent_id) a.agent_id, a.team_id, a.pattern, a.changes, t.time_zone, t.grace_minutes
       FROM agent_schedules a JOIN team_schedules t ON t.team_id = a.team_id
       JOIN team_members m ON m.team_id = a.team_id AND m.user_id = a.agent_id
      WHERE a.agent_id = ANY($1::text[]) ORDER BY a.agent_id, a.team_id`,
    [agentIds],
  );
  return new Map(rows.map((row) => [row.agent_id, { teamId: row.team_id, timeZone: row.time_zone, graceMinutes: row.grace_minutes, schedule: agentSchedule(row) }]));
}
