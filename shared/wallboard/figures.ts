import type { AgentStateName } from '../domain/agent-state';
import type { AgentFigures, SecondsByState, TeamFigures } from '../api/wallboard';

/**
 * Today's figures from the synced records, as pure arithmetic so the server's SQL stays a plain
 * read and the rules are tested without a database:
 * - a call is handled when it was answered;
 * - handle time is talk time (answer to hang-up) plus after-call work; after-call work is the time
 *   the state log spent in `after_call_work`, spread over the handled calls;
 * - time per state runs from each state change to the next (or to `until`), cut to the period, so
 *   the state an agent was already in at `since` counts from `since`;
 * - satisfaction is the average csat of the survey answers received in the period (answers that
 *   left it out count as answers, not in the average).
 */

export interface FigureCall {
  agentId: string;
  answeredAt: number | null;
  endedAt: number;
}

export interface FigureState {
  agentId: string;
  state: AgentStateName;
  at: number;
}

export interface FigureEscalation {
  /** The agent who raised it. */
  agentId: string;
  decided: boolean;
}

export interface FigureSurvey {
  /** The agent who took the call the survey asked about. */
  agentId: string;
  csat: number | null;
}

export interface FigureInput {
  since: number;
  until: number;
  agents: readonly { id: string; name: string }[];
  calls: readonly FigureCall[];
  /** Each agent's state changes in the period, plus the last one before it. */
  states: readonly FigureState[];
  escalations: readonly FigureEscalation[];
  /** Survey answers received in the period; absent = none. */
  surveys?: readonly FigureSurvey[];
}

const HOUR_MS = 3_600_000;

/** Seconds per state for one agent's changes (any order), cut to [since, until]. */
export function secondsByState(changes: readonly Pick<FigureState, 'state' | 'at'>[], since: number, until: number): SecondsByState {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  const totals: SecondsByState = {};
  sorted.forEach((change, i) => {
    const from = Math.max(change.at, since);
    const to = Math.min(sorted[i + 1]?.at ?? until, until);
    if (to <= from) return;
    totals[change.state] = (totals[change.state] ?? 0) + (to - from) / 1000;
  });
  return totals;
}

function satisfactionOf(surveys: readonly FigureSurvey[]): Pick<AgentFigures, 'surveyAnswers' | 'averageSatisfaction'> {
  const rated = surveys.flatMap((survey) => (survey.csat === null ? [] : [survey.csat]));
  return {
    surveyAnswers: surveys.length,
    averageSatisfaction: rated.length === 0 ? null : rated.reduce((sum, csat) => sum + csat, 0) / rated.length,
  };
}

function figuresOf(
  calls: readonly FigureCall[],
  states: SecondsByState,
  raised: number,
  decided: number,
  surveys: readonly FigureSurvey[],
): AgentFigures {
  const handled = calls.filter((call) => call.answeredAt !== null);
  const talkSeconds = handled.reduce((sum, call) => sum + Math.max(0, call.endedAt - (call.answeredAt ?? call.endedAt)) / 1000, 0);
  const afterCall = states.after_call_work ?? 0;
  return {
    callsHandled: handled.length,
    averageHandleSeconds: handled.length === 0 ? null : (talkSeconds + afterCall) / handled.length,
    averageAfterCallSeconds: handled.length === 0 ? null : afterCall / handled.length,
    escalationsRaised: raised,
    escalationsDecided: decided,
    secondsByState: states,
    ...satisfactionOf(surveys),
  };
}

function addStates(into: SecondsByState, more: SecondsByState): SecondsByState {
  const sum: SecondsByState = { ...into };
  for (const [state, seconds] of Object.entries(more) as [AgentStateName, number][]) sum[state] = (sum[state] ?? 0) + seconds;
  return sum;
}

export function teamFigures(input: FigureInput): TeamFigures {
  const agents = input.agents.map((agent) => {
    const calls = input.calls.filter((call) => call.agentId === agent.id);
    const states = secondsByState(
      input.states.filter((change) => change.agentId === agent.id),
      input.since,
      input.until,
    );
    const escalations = input.escalations.filter((escalation) => escalation.agentId === agent.id);
    const decided = escalations.filter((escalation) => escalation.decided).length;
    const surveys = (input.surveys ?? []).filter((survey) => survey.agentId === agent.id);
    return { agentId: agent.id, name: agent.name, ...figuresOf(calls, states, escalations.length, decided, surveys) };
  });
  const ids = new Set(input.agents.map((agent) => agent.id));
  const teamStates = agents.reduce<SecondsByState>((sum, agent) => addStates(sum, agent.secondsByState), {});
  const teamEscalations = input.escalations.filter((escalation) => ids.has(escalation.agentId));
  const teamCalls = input.calls.filter((call) => ids.has(call.agentId));
  return {
    since: new Date(input.since).toISOString(),
    until: new Date(input.until).toISOString(),
    team: figuresOf(
      teamCalls,
      teamStates,
      teamEscalations.length,
      teamEscalations.filter((escalation) => escalation.decided).length,
      (input.surveys ?? []).filter((survey) => ids.has(survey.agentId)),
    ),
    agents,
    callsByHour: callsByHour(teamCalls, input.since, input.until),
  };
}

/** Handled calls per hour, from the hour `since` falls in to the one that ends at or after `until`. */
export function callsByHour(calls: readonly FigureCall[], since: number, until: number): TeamFigures['callsByHour'] {
  const first = Math.floor(since / HOUR_MS) * HOUR_MS;
  const hours = Math.max(1, Math.ceil((until - first) / HOUR_MS));
  const counts = new Array<number>(Math.min(hours, 48)).fill(0);
  for (const call of calls) {
    if (call.answeredAt === null) continue;
    const slot = Math.floor((call.answeredAt - first) / HOUR_MS);
    if (slot >= 0 && slot < counts.length) counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts.map((calls, i) => ({ hour: new Date(first + i * HOUR_MS).toISOString(), calls }));
}
