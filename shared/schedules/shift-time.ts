import type { LocalDate, LocalTime, Shift } from './shift';

/**
 * A day's shift as instants (epoch milliseconds), from local times in the team's zone. Uses only
 * Intl, so it runs on the server, the host and the renderer alike.
 */

export type PauseKind = 'break' | 'meal';

export interface ShiftWindow {
  kind: PauseKind;
  start: number;
  end: number;
}

export interface DatedShift {
  date: LocalDate;
  timeZone: string;
  start: number;
  end: number;
  /** Breaks and the meal, in time order. */
  pauses: ShiftWindow[];
}

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

function wallClock(at: number, timeZone: string): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((part) => [part.type, part.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute), s: Number(parts.second) };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const c = wallClock(at, timeZone);
  return Date.UTC(c.y, c.m - 1, c.d, c.h, c.mi, c.s) - Math.floor(at / 1000) * 1000;
}

/** The instant a local date and time stands for in a zone. */
export function instantOf(date: LocalDate, time: LocalTime, timeZone: string, dayOffset = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d + dayOffset, h, mi);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

/** The calendar date in a zone at an instant. */
export function localDateAt(at: number, timeZone: string): LocalDate {
  const c = wallClock(at, timeZone);
  return `${String(c.y).padStart(4, '0')}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
}

/** The date `days` after another (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const minutesOf = (time: LocalTime) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function datedShift(shift: Shift, date: LocalDate, timeZone: string): DatedShift {
  const startMinutes = minutesOf(shift.start);
  const overnight = minutesOf(shift.end) <= startMinutes;
  const start = instantOf(date, shift.start, timeZone);
  const end = instantOf(date, shift.end, timeZone, overnight ? 1 : 0);
  // A pause earlier in the day than the shift's start belongs to the night after it.
  const pauseAt = (time: LocalTime) => instantOf(date, time, timeZone, minutesOf(time) < startMinutes ? 1 : 0);
  const pauses: ShiftWindow[] = [
    ...shift.breaks.map((pause) => ({ kind: 'break' as const, start: pauseAt(pause.start), end: pauseAt(pause.start) + pause.minutes * MINUTE })),
    ...(shift.meal ? [{ kind: 'meal' as const, start: pauseAt(shift.meal.start), end: pauseAt(shift.meal.start) + shift.meal.minutes * MINUTE }] : []),
  ]
    .map((pause) => ({ ...pause, start: Math.max(pause.start, start), end: Math.min(pause.end, end) }))
    .filter((pause) => pause.end > pause.start)
    .sort((a, b) => a.start - b.start);
  return { date, timeZone, start, end, pauses };
}

/** The next break or meal that has not ended at `now`, if any. */
export function nextPause(shift: DatedShift, now: number): ShiftWindow | null {
  return shift.pauses.find((pause) => pause.end > now) ?? null;
}
