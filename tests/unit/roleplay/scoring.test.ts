import { describe, expect, it } from 'vitest';
import { scenarioFrom } from '../../../shared/roleplay/scenario-check';
import { progress, scoreSession, type RubricMark, type ScoredSession } from '../../../shared/roleplay/scoring';
import { sampleScenario, say } from './scenario-fixtures';

// Sample rubric: acknowledged 40 (missed 0, partly 1, fully 2), reference 20 (no 0, yes 2),
// policy 40 (missed 0, partly 1, fully 2, excellent 4); pass at 70%.
const scenario = scenarioFrom(sampleScenario());
const mark = (criterionId: string, levelId: string, atSeconds: number, note?: string): RubricMark => ({
  criterionId,
  levelId,
  atMs: atSeconds * 1000,
  ...(note ? { note } : {}),
});

describe('scoring a role-play session from the trainer\'s live marks', () => {
  it('counts the latest mark of a criterion when the trainer changes their mind', () => {
    const score = scoreSession(scenario, [mark('acknowledged', 'partly', 10), mark('acknowledged', 'fully', 95, 'said back the birthday')]);
    const acknowledged = score.criteria.find((c) => c.criterionId === 'acknowledged')!;
    expect(acknowledged).toMatchObject({ scored: true, levelId: 'fully', points: 2, maxPoints: 2, fraction: 1, atMs: 95_000, note: 'said back the birthday' });
  });

  it('goes by call time, not by the order the marks arrive in (a mark synced late)', () => {
    const score = scoreSession(scenario, [mark('acknowledged', 'fully', 95), mark('acknowledged', 'partly', 10)]);
    expect(score.criteria[0]).toMatchObject({ levelId: 'fully' });
    // Two marks at the same second: the one given last counts.
    const same = scoreSession(scenario, [mark('acknowledged', 'fully', 30), mark('acknowledged', 'missed', 30)]);
    expect(same.criteria[0]).toMatchObject({ levelId: 'missed' });
  });

  it('weighs each criterion by its points out of its best level, and passes at exactly the threshold', () => {
    // 40 × 2/2 + 20 × 2/2 + 40 × 1/4 = 70
    const atThreshold = scoreSession(scenario, [mark('acknowledged', 'fully', 20), mark('reference', 'yes', 300), mark('policy', 'partly', 120)]);
    expect(atThreshold.percent).toBeCloseTo(70);
    expect(atThreshold.outcome).toBe('pass');
    // 40 × 2/2 + 20 × 0 + 40 × 2/4 = 60
    const below = scoreSession(scenario, [mark('acknowledged', 'fully', 20), mark('reference', 'no', 300), mark('policy', 'fully', 120)]);
    expect(below.percent).toBeCloseTo(60);
    expect(below.outcome).toBe('retry');
  });

  it('does not fail a trainee on a rounding hair: thirds that make exactly the threshold pass', () => {
    const thirds = (id: string, weight: number) => ({
      id,
      name: say(id),
      description: say(id),
      weight,
      levels: [0, 1, 2, 3].map((points) => ({ id: `p${points}`, label: say(`${points}`), points })),
    });
    // 20 × 1/3 + 80 × 2/3 = 60, which floating point makes 59.99999999999999.
    const rubric = { rubric: [thirds('a', 20), thirds('b', 80)], passThreshold: 60 };
    const score = scoreSession(scenarioFrom({ ...sampleScenario(), ...rubric }), [mark('a', 'p1', 1), mark('b', 'p2', 2)]);
    expect(score.outcome).toBe('pass');
  });

  it('lists criteria never marked as not scored, and counts them as zero', () => {
    const score = scoreSession(scenario, [mark('acknowledged', 'fully', 20)]);
    expect(score.notScored).toEqual(['reference', 'policy']);
    expect(score.criteria.map((c) => [c.criterionId, c.scored, c.points])).toEqual([
      ['acknowledged', true, 2],
      ['reference', false, 0],
      ['policy', false, 0],
    ]);
    expect(score.percent).toBeCloseTo(40);
    expect(score.outcome).toBe('retry');
  });

  it('scores an unmarked session as zero and a retry', () => {
    const score = scoreSession(scenario, []);
    expect(score).toMatchObject({ percent: 0, outcome: 'retry', notScored: ['acknowledged', 'reference', 'policy'] });
  });

  it('sets aside marks for a criterion or level the rubric does not have, instead of guessing', () => {
    const stray = [mark('empathy', 'fully', 5), mark('policy', 'heroic', 6)];
    const score = scoreSession(scenario, [...stray, mark('policy', 'excellent', 7)]);
    expect(score.ignored).toEqual(stray);
    expect(score.criteria[2]).toMatchObject({ levelId: 'excellent', fraction: 1 });
  });

  it('previews a draft whose weights do not add up to 100 as if they did', () => {
    const draft = sampleScenario();
    for (const c of draft.rubric) c.weight /= 2;
    const marks = [mark('acknowledged', 'fully', 20), mark('reference', 'yes', 300), mark('policy', 'partly', 120)];
    expect(scoreSession(scenarioFrom(draft), marks).percent).toBeCloseTo(scoreSession(scenario, marks).percent);
  });
});

function session(sessionId: string, traineeId: string, teamId: string, endedAt: string, marks: RubricMark[]): ScoredSession {
  return { sessionId, traineeId, teamId, scenarioId: 'sample', endedAt, score: scoreSession(scenario, marks) };
}

describe('progress over sessions', () => {
  const sessions = [
    // Listed out of order, as they may come back from the server.
    session('s3', 'ana', 'manila-1', '2026-11-20T10:00:00Z', [mark('acknowledged', 'fully', 1), mark('reference', 'yes', 2), mark('policy', 'fully', 3)]),
    session('s1', 'ana', 'manila-1', '2026-11-02T10:00:00Z', [mark('acknowledged', 'missed', 1), mark('reference', 'yes', 2)]),
    session('s2', 'ana', 'manila-1', '2026-11-10T10:00:00+08:00', [mark('acknowledged', 'partly', 1), mark('reference', 'yes', 2), mark('policy', 'partly', 3)]),
    session('s4', 'ben', 'manila-1', '2026-11-05T10:00:00Z', [mark('acknowledged', 'fully', 1), mark('reference', 'no', 2), mark('policy', 'missed', 3)]),
    session('s5', 'caio', 'sao-paulo-1', '2026-11-06T10:00:00Z', [mark('acknowledged', 'fully', 1), mark('reference', 'no', 2), mark('policy', 'excellent', 3)]),
  ];
  const result = progress(sessions);

  it('shows each trainee\'s sessions oldest first, with the outcome they were shown', () => {
    const ana = result.trainees.find((t) => t.traineeId === 'ana')!;
    expect(ana.sessions.map((s) => [s.sessionId, s.outcome])).toEqual([
      ['s1', 'retry'],
      ['s2', 'retry'],
      ['s3', 'pass'],
    ]);
  });

  it('follows each criterion over the trainee\'s sessions in time order, an unmarked one as zero', () => {
    const ana = result.trainees.find((t) => t.traineeId === 'ana')!;
    const line = (id: string) => ana.criteria.find((c) => c.criterionId === id)!.points.map((p) => [p.sessionId, p.fraction, p.scored]);
    expect(line('acknowledged')).toEqual([
      ['s1', 0, true],
      ['s2', 0.5, true],
      ['s3', 1, true],
    ]);
    expect(line('policy')).toEqual([
      ['s1', 0, false],
      ['s2', 0.25, true],
      ['s3', 0.5, true],
    ]);
  });

  it('names the team\'s weakest criterion first: what to train next', () => {
    const manila = result.teams.find((t) => t.teamId === 'manila-1')!;
    // policy: (0 + 0.25 + 0.5 + 0) / 4; acknowledged: (0 + 0.5 + 1 + 1) / 4; reference: (1 + 1 + 1 + 0) / 4
    expect(manila.criteria.map((c) => [c.criterionId, c.average, c.sessions])).toEqual([
      ['policy', 0.1875, 4],
      ['acknowledged', 0.625, 4],
      ['reference', 0.75, 4],
    ]);
  });

  it('keeps each team\'s weak spots to its own sessions', () => {
    const saoPaulo = result.teams.find((t) => t.teamId === 'sao-paulo-1')!;
    expect(saoPaulo.criteria[0]).toEqual({ criterionId: 'reference', average: 0, sessions: 1 });
    expect(result.teams.map((t) => t.teamId)).toEqual(['manila-1', 'sao-paulo-1']);
  });
});
