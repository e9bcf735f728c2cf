import { describe, expect, it } from 'vitest';
import { callsByHour, secondsByState, teamFigures } from '../../../shared/wallboard/figures';

const MIN = 60_000;
const since = Date.parse('2026-12-02T00:00:00Z');

describe("today's figures", () => {
  it('counts time per state from each change to the next, starting the day in the state the agent was already in', () => {
    const changes = [
      { state: 'break' as const, at: since - 30 * MIN }, // on break since before midnight
      { state: 'available' as const, at: since + 10 * MIN },
      { state: 'on_call' as const, at: since + 15 * MIN },
    ];
    expect(secondsByState(changes, since, since + 20 * MIN)).toEqual({ break: 600, available: 300, on_call: 300 });
  });

  it('averages talk time plus wrap-up over handled calls; unanswered calls are not handled', () => {
    const figures = teamFigures({
      since,
      until: since + 60 * MIN,
      agents: [
        { id: 'maria', name: 'Maria' },
        { id: 'joana', name: 'Joana' },
      ],
      calls: [
        { agentId: 'maria', answeredAt: since + 1 * MIN, endedAt: since + 5 * MIN },
        { agentId: 'maria', answeredAt: since + 10 * MIN, endedAt: since + 12 * MIN },
        { agentId: 'maria', answeredAt: null, endedAt: since + 20 * MIN },
        { agentId: 'someone-else', answeredAt: since, endedAt: since + MIN },
      ],
      states: [
        { agentId: 'maria', state: 'after_call_work', at: since + 5 * MIN },
        { agentId: 'maria', state: 'available', at: since + 6 * MIN },
        { agentId: 'maria', state: 'after_call_work', at: since + 12 * MIN },
        { agentId: 'maria', state: 'available', at: since + 13 * MIN },
      ],
      escalations: [
        { agentId: 'maria', decided: true },
        { agentId: 'maria', decided: false },
        { agentId: 'joana', decided: false },
      ],
    });
    const maria = figures.agents.find((agent) => agent.agentId === 'maria');
    // Talk 4 + 2 minutes, wrap-up 1 + 1 minutes, over two handled calls.
    expect(maria).toMatchObject({ callsHandled: 2, averageHandleSeconds: 240, averageAfterCallSeconds: 60, escalationsRaised: 2, escalationsDecided: 1 });
    expect(figures.agents.find((agent) => agent.agentId === 'joana')).toMatchObject({ callsHandled: 0, averageHandleSeconds: null, escalationsRaised: 1 });
    // The team: only its own agents' calls count.
    expect(figures.team).toMatchObject({ callsHandled: 2, escalationsRaised: 3, escalationsDecided: 1 });
    expect(figures.callsByHour).toEqual([{ hour: '2026-12-02T00:00:00.000Z', calls: 2 }]);
  });

  it('averages satisfaction over the survey answers that gave one, per agent and for the team', () => {
    const figures = teamFigures({
      since,
      until: since + 60 * MIN,
      agents: [
        { id: 'maria', name: 'Maria' },
        { id: 'joana', name: 'Joana' },
      ],
      calls: [],
      states: [],
      escalations: [],
      surveys: [
        { agentId: 'maria', csat: 5 },
        { agentId: 'maria', csat: 4 },
        { agentId: 'maria', csat: null },
        { agentId: 'joana', csat: 2 },
        { agentId: 'someone-else', csat: 1 },
      ],
    });
    expect(figures.agents.find((agent) => agent.agentId === 'maria')).toMatchObject({ surveyAnswers: 3, averageSatisfaction: 4.5 });
    expect(figures.agents.find((agent) => agent.agentId === 'joana')).toMatchObject({ surveyAnswers: 1, averageSatisfaction: 2 });
    expect(figures.team).toMatchObject({ surveyAnswers: 4, averageSatisfaction: 11 / 3 });
    const none = teamFigures({ since, until: since + MIN, agents: [{ id: 'maria', name: 'Maria' }], calls: [], states: [], escalations: [] });
    expect(none.team).toMatchObject({ surveyAnswers: 0, averageSatisfaction: null });
  });

  it('draws one bar per hour from the start of the day to now', () => {
    const hours = callsByHour(
      [
        { agentId: 'a', answeredAt: since + 90 * MIN, endedAt: since + 95 * MIN },
        { agentId: 'a', answeredAt: since + 100 * MIN, endedAt: since + 105 * MIN },
      ],
      since,
      since + 3 * 60 * MIN + 1,
    );
    expect(hours.map((hour) => hour.calls)).toEqual([0, 2, 0, 0]);
  });
});
