import { z } from 'zod';
import { EntityId, Instant } from '../domain/row-version';
import { AgentSchedule, LocalDate, Shift, TeamSchedule, TimeZone } from '../schedules/shift';

/**
 * The central server's schedules API (server/schedules/). Supervisors read and write the schedules
 * of their own teams (a director, every team); an agent reads their own shift.
 *
 * GET API_SCHEDULES.team(teamId)                 → TeamWeek (the team's supervisors; a director)
 * PUT API_SCHEDULES.team(teamId)  SaveTeamWeek   → TeamWeek (the same; replaces every agent's pattern and changes)
 * GET API_SCHEDULES.myShift                      → MyShift (anyone signed in: their own shift today)
 */
export const API_SCHEDULES = {
  team: (teamId: string) => `/api/v1/schedules/teams/${encodeURIComponent(teamId)}`,
  myShift: '/api/v1/schedules/me/today',
} as const;

export const TeamWeekAgent = z.object({ id: EntityId, name: z.string() });
export type TeamWeekAgent = z.output<typeof TeamWeekAgent>;

/** A team's schedule and who is on the team (agents with no schedule yet have an empty week). */
export const TeamWeek = z.object({
  team: z.object({ id: EntityId, name: z.string() }),
  schedule: TeamSchedule,
  agents: z.array(TeamWeekAgent),
  updatedAt: Instant.nullable(),
});
export type TeamWeek = z.output<typeof TeamWeek>;

export const SaveTeamWeek = z
  .object({
    timeZone: TimeZone,
    graceMinutes: z.number().int().min(0).max(120),
    agents: z.array(AgentSchedule).max(500),
  })
  .strict();
export type SaveTeamWeek = z.input<typeof SaveTeamWeek>;

/** An agent's shift today in their team's zone, as local times and as instants; null with none. */
export const MyShift = z.object({
  date: LocalDate,
  timeZone: TimeZone,
  shift: Shift.nullable(),
  start: Instant.nullable(),
  end: Instant.nullable(),
  pauses: z.array(z.object({ kind: z.enum(['break', 'meal']), start: Instant, end: Instant })),
});
export type MyShift = z.output<typeof MyShift>;
