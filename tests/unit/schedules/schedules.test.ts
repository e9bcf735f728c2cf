import { describe, expect, it } from 'vitest';
import { adherence, type LoggedState } from '../../../shared/schedules/adherence';
import { lateness } from '../../../shared/schedules/lateness';
import { AgentSchedule, EMPTY_WEEK, shiftOn, TeamSchedule, weekdayOf } from '../../../shared/schedules/shift';
import { addDays, datedShift, instantOf, localDateAt, nextPause } from '../../../shared/schedules/shift-time';

const MANILA = 'Asia/Manila';
const DAY = '2026-12-02'; // a Wednesday
const nineToSix = { start: '09:00', end: '18:00', breaks: [{ start: '10:30', minutes: 15 }], meal: { start: '12:00', minutes: 60 } };
const shift = datedShift(AgentSchedule.parse({ agentId: 'a', pattern: { ...EMPTY_WEEK, wed: nineToSix } }).pattern.wed!, DAY, MANILA);
const at = (time: string) => Date.parse(`${DAY}T${time}:00+08:00`);
const log = (...entries: [string, LoggedState['state']][]): LoggedState[] => entries.map(([time, state]) => ({ state, at: at(time) }));

describe('shifts', () => {
  it('takes the one-off change for a date, else the weekday of the pattern', () => {
    const schedule = AgentSchedule.parse({ agentId: 'a', pattern: { wed: nineToSix }, changes: [{ date: '2026-12-09', shift: null }] });
    expect(weekdayOf(DAY)).toBe('wed');
    expect(shiftOn(schedule, DAY)?.start).toBe('09:00');
    expect(shiftOn(schedule, '2026-12-09')).toBeNull();
    expect(shiftOn(schedule, '2026-12-03')).toBeNull();
  });

  it("places local times in the team's zone", () => {
    expect(new Date(shift.start).toISOString()).toBe('2026-12-02T01:00:00.000Z');
    expect(shift.pauses.map((p) => [p.kind, new Date(p.start).toISOString()])).toEqual([
      ['break', '2026-12-02T02:30:00.000Z'],
      ['meal', '2026-12-02T04:00:00.000Z'],
    ]);
    expect(instantOf(DAY, '08:00', 'America/Sao_Paulo')).toBe(Date.parse('2026-12-02T11:00:00Z'));
    expect(localDateAt(Date.parse('2026-12-02T17:00:00Z'), MANILA)).toBe('2026-12-03');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('ends a night shift the next day, with its pauses after midnight', () => {
    const night = datedShift({ start: '22:00', end: '06:00', breaks: [{ start: '02:00', minutes: 15 }], meal: null }, DAY, MANILA);
    expect(night.end - night.start).toBe(8 * 3_600_000);
    expect(new Date(night.pauses[0]!.start).toISOString()).toBe('2026-12-02T18:00:00.000Z');
  });

  it('gives the next pause that has not ended', () => {
    expect(nextPause(shift, at('10:40'))?.kind).toBe('break');
    expect(nextPause(shift, at('11:00'))?.kind).toBe('meal');
    expect(nextPause(shift, at('13:30'))).toBeNull();
  });

  it('refuses unknown zones, bad times and two changes for one date', () => {
    expect(TeamSchedule.safeParse({ teamId: 't', timeZone: 'Mars/Olympus', agents: [] }).success).toBe(false);
    expect(AgentSchedule.safeParse({ agentId: 'a', pattern: { mon: { start: '25:00', end: '18:00' } } }).success).toBe(false);
    const twice = [{ date: DAY, shift: null }, { date: DAY, shift: null }];
    expect(AgentSchedule.safeParse({ agentId: 'a', pattern: {}, changes: twice }).success).toBe(false);
  });
});

describe('adherence', () => {
  it('counts work states in work time and the break and lunch in their windows', () => {
    const day = log(['08:55', 'available'], ['09:30', 'on_call'], ['09:40', 'after_call_work'], ['09:45', 'available'], ['10:30', 'break'], ['10:45', 'available'], ['12:00', 'lunch'], ['13:00', 'available']);
    expect(adherence(day, shift, at('18:30'))).toEqual({ scheduledMinutes: 540, adherentMinutes: 540, percent: 100, inAdherence: null, reason: null });
  });

  it('takes a late arrival and an overlong break off, with a few minutes of tolerance', () => {
    const day = log(['09:30', 'available'], ['10:30', 'break'], ['11:00', 'available']);
    // 09:00–09:30 offline (30), break 10:45–11:00 beyond 3 minutes of tolerance (12).
    expect(adherence(day, shift, at('11:30'))).toMatchObject({ scheduledMinutes: 150, adherentMinutes: 108, percent: 72, inAdherence: true });
    const tolerated = log(['09:00', 'available'], ['10:32', 'break'], ['10:47', 'available']);
    expect(adherence(tolerated, shift, at('11:00')).percent).toBe(100);
  });

  it('says why the agent is out of adherence now', () => {
    expect(adherence([], shift, at('09:20'))).toMatchObject({ percent: 0, inAdherence: false, reason: 'offline' });
    expect(adherence(log(['09:00', 'available'], ['09:10', 'meeting']), shift, at('09:20'))).toMatchObject({ inAdherence: false, reason: 'away' });
    expect(adherence(log(['09:00', 'available']), shift, at('12:30'))).toMatchObject({ inAdherence: false, reason: 'working-in-pause' });
    expect(adherence([], shift, at('08:00'))).toMatchObject({ scheduledMinutes: 0, percent: null, inAdherence: null });
  });

  it('reads changes by the console time, wherever they came from', () => {
    // Made offline at 08:58, heard by the server hours later: the time is the console's.
    expect(adherence(log(['08:58', 'available']), shift, at('10:00')).percent).toBe(100);
  });
});

describe('lateness', () => {
  it('is on time within the grace period and late by the minutes after the start beyond it', () => {
    expect(lateness(log(['09:04', 'available']), shift, 5, at('10:00'))).toMatchObject({ status: 'on_time', lateMinutes: 0 });
    expect(lateness(log(['09:17', 'available']), shift, 5, at('10:00'))).toMatchObject({ status: 'late', lateMinutes: 17 });
  });

  it('takes the first change of the day by console time, not the order it arrived in', () => {
    const arrivedLate = [{ state: 'available' as const, at: at('10:30') }, { state: 'available' as const, at: at('08:58') }];
    expect(lateness(arrivedLate, shift, 5, at('11:00'))).toMatchObject({ status: 'on_time', arrivedAt: at('08:58') });
  });

  it('ignores sign-outs and yesterday, and counts the minutes of someone not there yet', () => {
    const yesterday = { state: 'available' as const, at: at('09:00') - 86_400_000 };
    expect(lateness([yesterday, ...log(['08:50', 'offline'])], shift, 5, at('09:03'))).toMatchObject({ status: 'not_started', lateMinutes: null });
    expect(lateness([yesterday], shift, 5, at('09:40'))).toMatchObject({ status: 'absent', lateMinutes: 40 });
  });
});
