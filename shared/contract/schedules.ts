import { z } from 'zod';
import { MyShift, SaveTeamWeek, TeamWeek } from '../api/schedules';
import { call } from './core';

/**
 * Schedules from the console, forwarded by the host to the central server (shared/api/schedules.ts):
 * a supervisor's team week to read and save, and the agent's own shift today.
 */
export const scheduleCalls = {
  /** Supervisors: the team's week (every agent's pattern and one-off changes). */
  'schedules.teamWeek': call({ input: z.object({ teamId: z.string().min(1).max(64) }).strict(), output: TeamWeek }),
  /** Supervisors: replaces the team's zone, grace period and the listed agents' weeks. */
  'schedules.saveTeamWeek': call({ input: z.object({ teamId: z.string().min(1).max(64), week: SaveTeamWeek }).strict(), output: TeamWeek }),
  /** The signed-in person's shift today, in their team's zone. */
  'schedules.myShift': call({ input: z.object({}).strict(), output: MyShift }),
} as const;
