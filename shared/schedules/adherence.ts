import type { AgentStateName } from '../domain/agent-state';
import type { DatedShift } from './shift-time';

/**
 * Adherence: how much of the scheduled time so far the agent spent doing what the schedule says.
 * Work time is in adherence when the agent is available, on a call or wrapping up (or in the
 * recovery pause after an abusive call, which the law gives them); a break window when on break,
 * the meal window when at lunch. Around each window a few minutes of tolerance accept either.
 * Training and meetings are not scheduled yet, so they count as away.
 *
 * The log is read by the console's own time (`at`): a change made offline counts from when it was
 * made, not from when the server heard of it.
 */

export interface LoggedState {
  state: AgentStateName;
  /** The console's time of the change, epoch milliseconds. */
  at: number;
}

export type OutOfAdherence = 'offline' | 'away' | 'working-in-pause';

export interface Adherence {
  /** Scheduled minutes elapsed so far (the whole shift once it is over). */
  scheduledMinutes: number;
  adherentMinutes: number;
  /** Rounded to a whole percent; null before the shift starts. */
  percent: number | null;
  /** Now, inside the shift: whether the agent is where the schedule says; null outside it. */
  inAdherence: boolean | null;
  reason: OutOfAdherence | null;
}

export const PAUSE_TOLERANCE_MINUTES = 3;
const MINUTE = 60_000;
const WORKING: ReadonlySet<AgentStateName> = new Set(['available', 'on_call', 'after_call_work', 'recovery']);

function stateAt(log: readonly LoggedState[], at: number): AgentStateName {
  let state: AgentStateName = 'offline';
  for (const entry of log) {
    if (entry.at > at) break;
    state = entry.state;
  }
  return state;
}

function fits(shift: DatedShift, at: number, state: AgentStateName, tolerance: number): boolean {
  let workAllowed = true;
  for (const pause of shift.pauses) {
    if (at >= pause.start + tolerance && at < pause.end - tolerance) workAllowed = false;
    if (at >= pause.start - tolerance && at < pause.end + tolerance && state === (pause.kind === 'meal' ? 'lunch' : 'break')) return true;
  }
  return workAllowed && WORKING.has(state);
}

function reasonOf(shift: DatedShift, at: number, state: AgentStateName): OutOfAdherence {
  if (state === 'offline') return 'offline';
  return WORKING.has(state) && shift.pauses.some((pause) => at >= pause.start && at < pause.end) ? 'working-in-pause' : 'away';
}

export function adherence(stateLog: readonly LoggedState[], shift: DatedShift, now: number, toleranceMinutes = PAUSE_TOLERANCE_MINUTES): Adherence {
  const log = [...stateLog].sort((a, b) => a.at - b.at);
  const tolerance = toleranceMinutes * MINUTE;
  const until = Math.min(now, shift.end);
  // Everything stays the same between two of these instants: count whole pieces, not samples.
  const cuts = new Set<number>([shift.start, until]);
  for (const entry of log) cuts.add(entry.at);
  for (const pause of shift.pauses) for (const edge of [pause.start, pause.end]) for (const d of [-tolerance, 0, tolerance]) cuts.add(edge + d);
  const points = [...cuts].filter((at) => at >= shift.start && at <= until).sort((a, b) => a - b);
  let adherent = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (fits(shift, from, stateAt(log, from), tolerance)) adherent += to - from;
  }
  const scheduled = Math.max(0, until - shift.start);
  const inside = now >= shift.start && now < shift.end;
  const current = stateAt(log, now);
  const fitsNow = inside ? fits(shift, now, current, tolerance) : null;
  return {
    scheduledMinutes: Math.round(scheduled / MINUTE),
    adherentMinutes: Math.round(adherent / MINUTE),
    percent: scheduled > 0 ? Math.round((adherent / scheduled) * 100) : null,
    inAdherence: fitsNow,
    reason: fitsNow === false ? reasonOf(shift, now, current) : null,
  };
}
