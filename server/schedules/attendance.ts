import type { AgentStateName } from '../../shared/domain/agent-state';
import { adherence, type LoggedState } from '../../shared/schedules/adherence';
import { ARRIVAL_WINDOW_HOURS, lateness } from '../../shared/schedules/lateness';
import { shiftOn, type AgentSchedule } from '../../shared/schedules/shift';
import { addDays, datedShift, localDateAt, type DatedShift } from '../../shared/schedules/shift-time';
import type { Queryable } from '../db/db';
import { schedulesOf } from './schedule-store';

/**
 * Each agent's adherence and lateness on their current shift, for the wallboard: the schedule,
 * and the state log by the console's own time (so changes a console made offline count from when
 * they were made). Agents with no shift now or today get nulls.
 */

export interface Attendance {
  percent: number | null;
  inAdherence: boolean | null;
  lateMinutes: number | null;
}

const HOUR = 3_600_000;
export const NO_ATTENDANCE: Attendance = { percent: null, inAdherence: null, lateMinutes: null };

/** The shift that runs now (yesterday's night shift that has not ended), else today's. */
export function currentShift(schedule: AgentSchedule, timeZone: string, now: number): DatedShift | null {
  const today = localDateAt(now, timeZone);
  const yesterday = addDays(today, -1);
  const before = shiftOn(schedule, yesterday);
  const night = before ? datedShift(before, yesterday, timeZone) : null;
  if (night && now < night.end) return night;
  const shift = shiftOn(schedule, today);
  return shift ? datedShift(shift, today, timeZone) : null;
}

export function attendanceOf(log: readonly LoggedState[], shift: DatedShift, graceMinutes: number, now: number): Attendance {
  const adhered = adherence(log, shift, now);
  const late = lateness(log, shift, graceMinutes, now);
  return { percent: adhered.percent, inAdherence: adhered.inAdherence, lateMinutes: late.lateMinutes };
}

export async function readAttendance(q: Queryable, agentIds: readonly string[], now: number): Promise<Map<string, Attendance>> {
  const out = new Map<string, Attendance>();
  if (agentIds.length === 0) return out;
  const schedules = await schedulesOf(q, agentIds);
  const shifts = new Map<string, { shift: DatedShift; grace: number }>();
  for (const [agentId, found] of schedules) {
    const shift = currentShift(found.schedule, found.timeZone, now);
    if (shift) shifts.set(agentId, { shift, grace: found.graceMinutes });
  }
  if (shifts.size === 0) return out;
  const ids = [...shifts.keys()];
  const from = new Date(Math.min(...[...shifts.values()].map(({ shift }) => shift.start)) - ARRIVAL_WINDOW_HOURS * HOUR);
  // The changes since the earliest window, and each agent's one before it (the state they were in).
  const { rows } = await q.query<{ agent_id: string; state: AgentStateName; at: Date }>(
    `SELECT agent_id, state, at FROM agent_state_log WHERE agent_id = ANY($1::text[]) AND at >= $2
     UNION ALL
     SELECT DISTINCT ON (agent_id) agent_id, state, at FROM agent_state_log
      WHERE agent_id = ANY($1::text[]) AND at < $2 ORDER BY agent_id, at DESC`,
    [ids, from],
  );
  const logs = new Map<string, LoggedState[]>();
  for (const row of rows) {
    const list = logs.get(row.agent_id) ?? [];
    list.push({ state: row.state, at: row.at.getTime() });
    logs.set(row.agent_id, list);
  }
  for (const [agentId, { shift, grace }] of shifts) out.set(agentId, attendanceOf(logs.get(agentId) ?? [], shift, grace, now));
  return out;
}
