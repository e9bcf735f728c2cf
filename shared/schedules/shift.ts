import { z } from 'zod';
import { EntityId } from '../domain/row-version';

/**
 * Shifts as a team writes them: local wall-clock times in the team's time zone, a weekly pattern
 * per agent and one-off changes for single dates. Pure data; shift-time.ts turns a day's shift into
 * instants, adherence.ts and lateness.ts read the agent-state log against it.
 */

/** "HH:MM", 00:00–23:59. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
export type LocalTime = z.output<typeof LocalTime>;

/** "YYYY-MM-DD", a date in the team's calendar. */
export const LocalDate = z.iso.date();
export type LocalDate = z.output<typeof LocalDate>;

/** An IANA zone the runtime knows (Asia/Manila, America/Sao_Paulo). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'a known time zone');

/** A break or the meal: when it starts (local time) and how long it lasts. */
export const ShiftPause = z.object({ start: LocalTime, minutes: z.number().int().min(5).max(120) }).strict();
export type ShiftPause = z.output<typeof ShiftPause>;

/** One day's shift. An end at or before the start ends the next day (a night shift). */
export const Shift = z
  .object({
    start: LocalTime,
    end: LocalTime,
    breaks: z.array(ShiftPause).max(6).default([]),
    meal: ShiftPause.nullable().default(null),
  })
  .strict();
export type Shift = z.output<typeof Shift>;
export type ShiftInput = z.input<typeof Shift>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.output<typeof Weekday>;

/** The shift on each weekday; null is a day off. */
export const WeekPattern = z
  .object(Object.fromEntries(WEEKDAYS.map((day) => [day, Shift.nullable().default(null)])) as Record<Weekday, z.ZodDefault<z.ZodNullable<typeof Shift>>>)
  .strict();
export type WeekPattern = z.output<typeof WeekPattern>;

export const EMPTY_WEEK: WeekPattern = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };

/** A one-off change for one date: another shift, or null for a day off. */
export const ShiftChange = z.object({ date: LocalDate, shift: Shift.nullable() }).strict();
export type ShiftChange = z.output<typeof ShiftChange>;

export const AgentSchedule = z
  .object({
    agentId: EntityId,
    pattern: WeekPattern,
    changes: z
      .array(ShiftChange)
      .max(366)
      .default([])
      .refine((changes) => new Set(changes.map((change) => change.date)).size === changes.length, 'one change per date'),
  })
  .strict();
export type AgentSchedule = z.output<typeof AgentSchedule>;

export const DEFAULT_GRACE_MINUTES = 5;

/** A team's schedule: its zone, the grace period for late log-ins, and every agent's week. */
export const TeamSchedule = z
  .object({
    teamId: EntityId,
    timeZone: TimeZone,
    graceMinutes: z.number().int().min(0).max(120).default(DEFAULT_GRACE_MINUTES),
    agents: z.array(AgentSchedule).max(500),
  })
  .strict();
export type TeamSchedule = z.output<typeof TeamSchedule>;

/** The weekday of a calendar date (the date is a label; no zone is involved). */
export function weekdayOf(date: LocalDate): Weekday {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return WEEKDAYS[(day + 6) % 7] as Weekday;
}

/** The agent's shift on a date: the one-off change for that date, else the weekly pattern. */
export function shiftOn(schedule: Pick<AgentSchedule, 'pattern' | 'changes'>, date: LocalDate): Shift | null {
  const change = schedule.changes.find((entry) => entry.date === date);
  if (change) return change.shift;
  return schedule.pattern[weekdayOf(date)];
}
