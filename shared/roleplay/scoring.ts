import { maxPoints, type RubricCriterion, type Scenario } from './scenario';

/**
 * Scoring a role-play session from the trainer's marks, and the progress those scores add up to.
 * Pure: the trainer's console previews the score while marking, the server stores the same result.
 */

/** A mark the trainer gives during the call, stamped with the call's elapsed time. */
export interface RubricMark {
  criterionId: string;
  levelId: string;
  /** Milliseconds since the call was answered. */
  atMs: number;
  note?: string;
}

export type CriterionScore =
  | {
      criterionId: string;
      scored: true;
      levelId: string;
      points: number;
      maxPoints: number;
      /** points / maxPoints, 0 to 1. */
      fraction: number;
      weight: number;
      atMs: number;
      note?: string;
    }
  | { criterionId: string; scored: false; points: 0; maxPoints: number; fraction: 0; weight: number };

export interface SessionScore {
  /** In the rubric's order. */
  criteria: CriterionScore[];
  /** Criteria the trainer never marked; they count as zero. */
  notScored: string[];
  /** Overall weighted percent, 0 to 100, unrounded (the screen rounds). */
  percent: number;
  threshold: number;
  outcome: 'pass' | 'retry';
  /** Marks naming a criterion or level the rubric does not have (an edited rubric); not counted. */
  ignored: RubricMark[];
}

// Sums of thirds and sevenths land a hair under the threshold in floating point (69.99999999999999).
const EPSILON = 1e-9;

/**
 * The session's score. The trainer may change their mind during the call: the latest mark of a
 * criterion (by call time; for equal times, the one given last) is the one that counts.
 *
 * A criterion never marked counts as zero and is listed in `notScored`: a trainer who did not hear
 * the trainee close with a reference number cannot give credit for it, and an overall score that
 * quietly left it out would pass trainees on fewer criteria than the scenario asks. Weights are
 * divided by their sum, so a draft rubric whose weights do not yet add up to 100 still previews.
 */
export function scoreSession(scenario: Pick<Scenario, 'rubric' | 'passThreshold'>, marks: readonly RubricMark[]): SessionScore {
  const latest = new Map<string, RubricMark>();
  const ignored: RubricMark[] = [];
  for (const mark of marks) {
    const criterion = scenario.rubric.find((c) => c.id === mark.criterionId);
    if (!criterion?.levels.some((level) => level.id === mark.levelId)) {
      ignored.push(mark);
      continue;
    }
    const before = latest.get(mark.criterionId);
    if (!before || mark.atMs >= before.atMs) latest.set(mark.criterionId, mark);
  }

  const criteria = scenario.rubric.map((criterion) => scoreCriterion(criterion, latest.get(criterion.id)));
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const percent = totalWeight === 0 ? 0 : (100 * criteria.reduce((sum, c) => sum + c.weight * c.fraction, 0)) / totalWeight;
  return {
    criteria,
    notScored: criteria.filter((c) => !c.scored).map((c) => c.criterionId),
    percent,
    threshold: scenario.passThreshold,
    outcome: percent + EPSILON >= scenario.passThreshold ? 'pass' : 'retry',
    ignored,
  };
}

function scoreCriterion(criterion: RubricCriterion, mark: RubricMark | undefined): CriterionScore {
  const max = maxPoints(criterion);
  const level = mark && criterion.levels.find((l) => l.id === mark.levelId);
  if (!mark || !level) return { criterionId: criterion.id, scored: false, points: 0, maxPoints: max, fraction: 0, weight: criterion.weight };
  return {
    criterionId: criterion.id,
    scored: true,
    levelId: level.id,
    points: level.points,
    maxPoints: max,
    fraction: max === 0 ? 0 : level.points / max,
    weight: criterion.weight,
    atMs: mark.atMs,
    ...(mark.note !== undefined ? { note: mark.note } : {}),
  };
}

/** A finished session as progress reads it. */
export interface ScoredSession {
  sessionId: string;
  traineeId: string;
  teamId: string;
  scenarioId: string;
  /** When the call ended (ISO 8601). */
  endedAt: string;
  score: SessionScore;
}

export interface CriterionPoint {
  sessionId: string;
  scenarioId: string;
  endedAt: string;
  /** 0 to 1; a criterion the trainer did not mark is 0, as in the session's score. */
  fraction: number;
  scored: boolean;
}

export interface TraineeProgress {
  traineeId: string;
  /** Sessions in time order, oldest first. */
  sessions: { sessionId: string; scenarioId: string; endedAt: string; percent: number; outcome: 'pass' | 'retry' }[];
  /** Per criterion (sorted by id), its scores over sessions, oldest first. */
  criteria: { criterionId: string; points: CriterionPoint[] }[];
}

export interface WeakCriterion {
  criterionId: string;
  /** Mean fraction over the team's sessions that had this criterion, 0 to 1. */
  average: number;
  sessions: number;
}

export interface TeamProgress {
  teamId: string;
  /** Weakest first: what to train next. */
  criteria: WeakCriterion[];
}

const byTime = (a: ScoredSession, b: ScoredSession) => Date.parse(a.endedAt) - Date.parse(b.endedAt) || a.sessionId.localeCompare(b.sessionId);

/**
 * Progress over sessions: per trainee, each criterion's scores in time order; per team, the
 * criteria sorted weakest first. Criterion ids shared across scenarios ("acknowledged-feeling")
 * make one line across them. Unmarked criteria count as zero, as they did in the score the trainee
 * was shown.
 */
export function progress(sessions: readonly ScoredSession[]): { trainees: TraineeProgress[]; teams: TeamProgress[] } {
  const ordered = [...sessions].sort(byTime);

  const trainees = new Map<string, TraineeProgress>();
  for (const session of ordered) {
    const trainee = trainees.get(session.traineeId) ?? { traineeId: session.traineeId, sessions: [], criteria: [] };
    trainees.set(session.traineeId, trainee);
    const { sessionId, scenarioId, endedAt, score } = session;
    trainee.sessions.push({ sessionId, scenarioId, endedAt, percent: score.percent, outcome: score.outcome });
    for (const c of score.criteria) {
      let line = trainee.criteria.find((l) => l.criterionId === c.criterionId);
      if (!line) trainee.criteria.push((line = { criterionId: c.criterionId, points: [] }));
      line.points.push({ sessionId, scenarioId, endedAt, fraction: c.fraction, scored: c.scored });
    }
  }
  for (const trainee of trainees.values()) trainee.criteria.sort((a, b) => a.criterionId.localeCompare(b.criterionId));

  const teams = new Map<string, Map<string, { sum: number; sessions: number }>>();
  for (const session of ordered) {
    const team = teams.get(session.teamId) ?? new Map<string, { sum: number; sessions: number }>();
    teams.set(session.teamId, team);
    for (const c of session.score.criteria) {
      const total = team.get(c.criterionId) ?? { sum: 0, sessions: 0 };
      team.set(c.criterionId, { sum: total.sum + c.fraction, sessions: total.sessions + 1 });
    }
  }

  return {
    trainees: [...trainees.values()].sort((a, b) => a.traineeId.localeCompare(b.traineeId)),
    teams: [...teams.entries()]
      .map(([teamId, totals]) => ({
        teamId,
        criteria: [...totals.entries()]
          .map(([criterionId, { sum, sessions: n }]) => ({ criterionId, average: sum / n, sessions: n }))
          .sort((a, b) => a.average - b.average || a.criterionId.localeCompare(b.criterionId)),
      }))
      .sort((a, b) => a.teamId.localeCompare(b.teamId)),
  };
}
