// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MyShift, TeamWeek } from '../../../shared/api/schedules';
import type { WallboardAgent } from '../../../shared/api/wallboard';
import { EMPTY_WEEK } from '../../../shared/schedules/shift';
import { ShiftToday } from '../../../renderer/src/features/schedules/ShiftToday';
import { TeamWeekEditor } from '../../../renderer/src/features/schedules/TeamWeekEditor';
import { resetSchedulesStore } from '../../../renderer/src/features/schedules/schedules-store';
import { resetSessionStore, useSessionStore } from '../../../renderer/src/features/session/session-store';
import { AgentRow } from '../../../renderer/src/features/wallboard/AgentRow';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, cleanup, click, render, waitFor } from './support/dom';
import { callsTo, failure, reply, resetFakeHost, success } from './support/fake-host';
import { people } from './support/users';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

/**
 * Schedules as a supervisor and an agent see them: the team week built and saved in one go, the
 * agent's shift today with its break reminder, and adherence and lateness on the wallboard row.
 */

const team = people.supervisor.teams[0]!;
const agents = [
  { id: 'u-maria', name: 'Maria Santos' },
  { id: 'u-joy', name: 'Joy Cruz' },
  { id: 'u-ben', name: 'Ben Tan' },
];
const emptyWeek: TeamWeek = {
  team,
  agents,
  updatedAt: null,
  schedule: { teamId: team.id, timeZone: 'Asia/Manila', graceMinutes: 5, agents: agents.map((a) => ({ agentId: a.id, pattern: EMPTY_WEEK, changes: [] })) },
};

beforeAll(async () => {
  await switchUiLanguage('en');
});

beforeEach(() => {
  resetFakeHost();
  resetSessionStore();
  resetSchedulesStore();
});

afterEach(async () => {
  await cleanup();
});

describe("the supervisor's team week", () => {
  it("adds Maria's Monday, copies it to everyone and saves the week in one request", async () => {
    useSessionStore.setState({ status: 'signed-in', user: people.supervisor });
    reply('schedules.teamWeek', success(emptyWeek));
    reply('schedules.saveTeamWeek', (input) => {
      const { week } = input as { week: { agents: TeamWeek['schedule']['agents'] } };
      return success({ ...emptyWeek, updatedAt: '2026-12-02T08:00:00.000Z', schedule: { ...emptyWeek.schedule, agents: week.agents } });
    });
    const screen = await render(<TeamWeekEditor />);
    const add = await waitFor(() => screen.querySelector<HTMLButtonElement>('button[aria-label="Add shift: Maria Santos, Monday"]'), 'the add button');
    expect(callsTo('schedules.teamWeek')).toEqual([{ teamId: team.id }]);
    await click(add);
    await click(byTestId(screen, 'shift-copy-all'));
    expect(screen.querySelectorAll('[data-day="mon"] [data-testid="shift-cell"]')).toHaveLength(3);
    expect(screen.querySelectorAll('[data-day="tue"] [data-testid="shift-cell"]')).toHaveLength(0);

    await click(byTestId(screen, 'team-week-save'));
    await waitFor(() => screen.querySelector('[data-testid="team-week-saved"]'), 'saved');
    const [saved] = callsTo('schedules.saveTeamWeek') as { teamId: string; week: { timeZone: string; agents: TeamWeek['schedule']['agents'] } }[];
    expect(saved?.teamId).toBe(team.id);
    expect(saved?.week.timeZone).toBe('Asia/Manila');
    expect(saved?.week.agents.map((a) => a.pattern.mon?.start)).toEqual(['09:00', '09:00', '09:00']);
    expect(saved?.week.agents.every((a) => a.pattern.mon?.meal?.start === '12:00' && a.pattern.tue === null)).toBe(true);
    expect(byTestId<HTMLButtonElement>(screen, 'team-week-save').disabled).toBe(true);
  });

  it('says why a save failed and keeps the edits', async () => {
    useSessionStore.setState({ status: 'signed-in', user: people.supervisor });
    reply('schedules.teamWeek', success(emptyWeek));
    reply('schedules.saveTeamWeek', failure('FORBIDDEN', "Only the team's supervisors may read or change its schedule."));
    const screen = await render(<TeamWeekEditor />);
    await click(await waitFor(() => screen.querySelector<HTMLButtonElement>('button[aria-label="Add shift: Joy Cruz, Friday"]'), 'the add button'));
    await click(byTestId(screen, 'team-week-save'));
    const problem = await waitFor(() => screen.querySelector('[data-testid="team-week-problem"]'), 'the problem');
    expect(problem.textContent).toContain("Only the team's supervisors");
    expect(screen.querySelectorAll('[data-testid="shift-cell"]')).toHaveLength(1);
  });
});

describe("the agent's shift today", () => {
  const at = (time: string) => Date.parse(`2026-12-02T${time}:00+08:00`);
  const myShift: MyShift = {
    date: '2026-12-02',
    timeZone: 'Asia/Manila',
    shift: { start: '09:00', end: '18:00', breaks: [{ start: '10:30', minutes: 15 }], meal: { start: '12:00', minutes: 60 } },
    start: new Date(at('09:00')).toISOString(),
    end: new Date(at('18:00')).toISOString(),
    pauses: [
      { kind: 'break', start: new Date(at('10:30')).toISOString(), end: new Date(at('10:45')).toISOString() },
      { kind: 'meal', start: new Date(at('12:00')).toISOString(), end: new Date(at('13:00')).toISOString() },
    ],
  };

  it('shows the shift and the next break, then reminds a few minutes before it', async () => {
    reply('schedules.myShift', success(myShift));
    const early = await render(<ShiftToday now={at('09:30')} />);
    const item = await waitFor(() => early.querySelector('[data-testid="shift-today"]'), 'the shift');
    expect(item.textContent).toMatch(/^Shift 9:00\sAM–6:00\sPM · next break 10:30\sAM$/);
    expect(early.querySelector('[data-testid="shift-today-due"]')).toBeNull();
    await cleanup();

    const soon = await render(<ShiftToday now={at('10:27')} />);
    expect((await waitFor(() => soon.querySelector('[data-testid="shift-today-due"]'), 'the reminder')).textContent).toMatch(/break due at 10:30\sAM/);
    await cleanup();

    const during = await render(<ShiftToday now={at('12:10')} />);
    expect((await waitFor(() => during.querySelector('[data-testid="shift-today-due"]'), 'the meal')).textContent).toContain('time for your meal');
  });

  it('shows nothing on a day off', async () => {
    reply('schedules.myShift', success({ ...myShift, shift: null, start: null, end: null, pauses: [] }));
    const screen = await render(<ShiftToday now={at('09:30')} />);
    await waitFor(() => callsTo('schedules.myShift').length > 0, 'the read');
    expect(screen.querySelector('[data-testid="shift-today"]')).toBeNull();
  });
});

describe('adherence on the wallboard row', () => {
  const agent: WallboardAgent = {
    id: 'u-maria',
    name: 'Maria Santos',
    teamIds: [team.id],
    status: 'break',
    since: null,
    lastState: 'break',
    calls: [],
    openEscalations: 0,
    callbacksDue: 0,
  };
  const row = (a: WallboardAgent) => render(<table><tbody><AgentRow agent={a} /></tbody></table>);

  it('shows the percent, out of adherence now, and minutes late', async () => {
    const screen = await row({ ...agent, adherence: { percent: 72, inAdherence: false, lateMinutes: 20 } });
    expect(byTestId(screen, 'wallboard-attendance').textContent).toBe('Adherence 72% · out of adherence · Late 20 min');
  });

  it('shows nothing late for an agent on time, and nothing at all without a schedule', async () => {
    const onTime = await row({ ...agent, adherence: { percent: 100, inAdherence: true, lateMinutes: 0 } });
    expect(byTestId(onTime, 'wallboard-attendance').textContent).toBe('Adherence 100%');
    await cleanup();
    const none = await row(agent);
    expect(none.querySelector('[data-testid="wallboard-attendance"]')).toBeNull();
  });
});
