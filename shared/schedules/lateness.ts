import type { LoggedState } from './adherence';
import type { DatedShift } from './shift-time';

/**
 * Late log-ins. The agent's arrival is the first change of the day, by the console's own time, to
 * anything but offline. A console that was running while the network was down logged "available"
 * at 08:58 even if the server heard of it at 10:30: that agent was on time. Changes from up to
 * ARRIVAL_WINDOW_HOURS before the shift count as the same day.
 */

export const ARRIVAL_WINDOW_HOURS = 6;
const MINUTE = 60_000;

export type Lateness =
  /** The shift has not started yet (or the grace period still runs) and nobody is there yet. */
  | { status: 'not_started'; lateMinutes: null; arrivedAt: null }
  | { status: 'on_time'; lateMinutes: 0; arrivedAt: number }
  | { status: 'late'; lateMinutes: number; arrivedAt: number }
  /** Past the grace period and not there yet: late by the minutes so far. */
  | { status: 'absent'; lateMinutes: number; arrivedAt: null };

export function lateness(stateLog: readonly LoggedState[], shift: DatedShift, graceMinutes: number, now: number): Lateness {
  const from = shift.start - ARRIVAL_WINDOW_HOURS * 60 * MINUTE;
  const arrival = stateLog
    .filter((entry) => entry.state !== 'offline' && entry.at >= from && entry.at < shift.end)
    .reduce<number | null>((first, entry) => (first === null || entry.at < first ? entry.at : first), null);
  const deadline = shift.start + graceMinutes * MINUTE;
  if (arrival !== null && arrival <= deadline) return { status: 'on_time', lateMinutes: 0, arrivedAt: arrival };
  if (arrival !== null) return { status: 'late', lateMinutes: Math.ceil((arrival - shift.start) / MINUTE), arrivedAt: arrival };
  if (now <= deadline) return { status: 'not_started', lateMinutes: null, arrivedAt: null };
  return { status: 'absent', lateMinutes: Math.ceil((Math.min(now, shift.end) - shift.start) / MINUTE), arrivedAt: null };
}
