// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressResponse, RolePlaySession } from '../../../shared/api/roleplay';
import { Scenario } from '../../../shared/roleplay/scenario';
import { RolePlayProgressPane } from '../../../renderer/src/features/roleplay-progress/RolePlayProgressPane';
import { resetRolePlayProgressStore } from '../../../renderer/src/features/roleplay-progress/roleplay-progress-store';
import { resetSessionStore, useSessionStore } from '../../../renderer/src/features/session/session-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { sampleScenario } from '../roleplay/scenario-fixtures';
import { byTestId, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, reply, resetFakeHost, success } from './support/fake-host';
import { people } from './support/users';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

/**
 * Role-play after the call, as a trainer and an agent use it: the trainer's list with peer practice
 * to review, a peer session scored while listening to its recording, and what to train next.
 */

const scenario = Scenario.parse(sampleScenario());
const team = { id: 'team-manila-1', name: 'Manila Care 1' };
const trainer = { ...people.trainer, teams: [team] };
const maria = { id: 'u-agent', name: 'Maria Santos' };
const joy = { id: 'u-joy', name: 'Joy Cruz' };
const ana = { id: 'u-trainer', name: 'Ana Lima' };

const score = (percent: number) => ({
  criteria: [
    { criterionId: 'acknowledged', scored: true as const, levelId: 'fully', points: 2, maxPoints: 2, fraction: 1, weight: 40, atMs: 10_000 },
    { criterionId: 'reference', scored: false as const, points: 0 as const, maxPoints: 2, fraction: 0 as const, weight: 20 },
  ],
  notScored: ['reference'],
  percent,
  threshold: 70,
  outcome: percent >= 70 ? ('pass' as const) : ('retry' as const),
  ignored: [],
});

let n = 0;
function session(extra: Partial<RolePlaySession> & { createdAt: string }): RolePlaySession {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    scenarioId: 'sample',
    scenarioVersion: 2,
    title: { en: 'Lost parcel' },
    language: 'en',
    caller: joy,
    trainee: maria,
    teamId: team.id,
    peer: true,
    status: 'ended',
    answeredAt: extra.createdAt,
    endedAt: extra.createdAt,
    marks: [],
    feedback: null,
    score: null,
    scoredBy: null,
    recording: { bytes: 1_000, durationMs: 90_000 },
    ...extra,
  };
}

const toReview = session({ createdAt: '2026-12-03T09:00:00.000Z' });
const trainerScored = session({ createdAt: '2026-12-02T09:00:00.000Z', peer: false, caller: ana, status: 'scored', score: score(80), feedback: 'Good calm tone.', scoredBy: ana });
const peerScored = session({ createdAt: '2026-12-04T09:00:00.000Z', trainee: joy, caller: maria, status: 'scored', score: score(55), feedback: 'Read the reference.', scoredBy: ana });
const trainerWaiting = session({ createdAt: '2026-12-05T09:00:00.000Z', peer: false, caller: ana });
const neverAnswered = session({ createdAt: '2026-12-06T09:00:00.000Z', status: 'ready', answeredAt: null, endedAt: null, recording: null });
const all = [toReview, trainerScored, peerScored, trainerWaiting, neverAnswered];

const progress: ProgressResponse = {
  trainees: [
    {
      traineeId: maria.id,
      sessions: [
        { sessionId: 's1', scenarioId: 'sample', endedAt: '2026-11-01T09:00:00.000Z', percent: 40, outcome: 'retry' },
        { sessionId: 's2', scenarioId: 'sample', endedAt: '2026-11-08T09:00:00.000Z', percent: 80, outcome: 'pass' },
      ],
      criteria: [
        {
          criterionId: 'acknowledged',
          points: [
            { sessionId: 's1', scenarioId: 'sample', endedAt: '2026-11-01T09:00:00.000Z', fraction: 0.5, scored: true },
            { sessionId: 's2', scenarioId: 'sample', endedAt: '2026-11-08T09:00:00.000Z', fraction: 1, scored: true },
          ],
        },
      ],
    },
  ],
  teams: [
    {
      teamId: team.id,
      criteria: [
        { criterionId: 'reference', average: 0.25, sessions: 4 },
        { criterionId: 'policy', average: 0.5, sessions: 4 },
        { criterionId: 'acknowledged', average: 0.875, sessions: 4 },
      ],
    },
  ],
};

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLTableRowElement>('[data-testid="roleplay-progress-session"]')];
const ids = (root: HTMLElement) => rows(root).map((row) => row.dataset.sessionId);
const audio = { mimeType: 'audio/webm;codecs=opus', audioBase64: btoa('webm bytes') };

async function openPane(user: typeof trainer | typeof people.agent, sessions: RolePlaySession[] = all): Promise<HTMLElement> {
  useSessionStore.setState({ status: 'signed-in', user });
  reply('roleplay.sessions', success(sessions));
  reply('roleplay.scenarios', success([scenario]));
  reply('roleplay.progress', success(progress));
  reply('roleplay.recording', success(audio));
  reply('roleplay.session', (input) => success(sessions.find((s) => s.id === (input as { sessionId: string }).sessionId)));
  const root = await render(<RolePlayProgressPane />);
  await waitFor(() => root.querySelector('[data-testid="roleplay-progress-list"]'), 'sessions listed');
  return root;
}

beforeAll(async () => {
  await switchUiLanguage('en');
});

beforeEach(() => {
  resetFakeHost();
  resetSessionStore();
  resetRolePlayProgressStore();
  URL.createObjectURL = vi.fn(() => 'blob:recording-1');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
});

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

describe("the trainer's role-play sessions", () => {
  it('shows peer practice to review first, then the scored sessions or all of them, newest first', async () => {
    const root = await openPane(trainer);
    // A trainer's own session waiting for their feedback, and a call never answered, are not peer practice to review.
    expect(ids(root)).toEqual([toReview.id]);
    expect(byTestId(root, 'roleplay-progress-status').textContent).toBe('To review');

    await click(byTestId(root, 'roleplay-progress-filter-scored'));
    expect(ids(root)).toEqual([peerScored.id, trainerScored.id]);
    expect(rows(root).map((row) => row.querySelector('[data-testid="roleplay-progress-percent"]')!.textContent)).toEqual(['55%', '80%']);

    await click(byTestId(root, 'roleplay-progress-filter-all'));
    expect(ids(root)).toEqual([neverAnswered.id, trainerWaiting.id, peerScored.id, toReview.id, trainerScored.id]);
    expect(rows(root)[0]!.textContent).toContain('Not answered');
  });

  it('says when nothing waits for review', async () => {
    const root = await openPane(trainer, [trainerScored]);
    expect(byTestId(root, 'roleplay-progress-empty').textContent).toBe('Nothing to review right now.');
  });

  it("opens a scored session on its result: score, feedback and the recording with the trainer's marks", async () => {
    const root = await openPane(trainer);
    await click(byTestId(root, 'roleplay-progress-filter-scored'));
    await click(rows(root)[1]!.querySelector<HTMLButtonElement>('[data-testid="roleplay-progress-open"]')!);
    const result = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="roleplay-result"]'), 'result shown');
    expect(callsTo('roleplay.session')).toEqual([{ sessionId: trainerScored.id }]);
    expect(byTestId(result, 'roleplay-result-overall').dataset.percent).toBe('80');
    expect(byTestId(result, 'roleplay-result-feedback').textContent).toContain('Good calm tone.');
    await waitFor(() => result.querySelector('[data-testid="replay-audio"]'), 'recording loaded');
    expect(callsTo('roleplay.recording')).toEqual([{ sessionId: trainerScored.id }]);

    await click(byTestId(root, 'roleplay-progress-back'));
    expect(root.querySelector('[data-testid="roleplay-result"]')).toBeNull();
    expect(ids(root)).toEqual([peerScored.id, trainerScored.id]);
  });

  it('scores peer practice from its recording: each mark at the time playback is at, then the feedback', async () => {
    const root = await openPane(trainer);
    const marked = { ...toReview, marks: [{ criterionId: 'acknowledged', levelId: 'fully', atMs: 42_500, by: ana.id }] };
    reply('roleplay.mark', success(marked));
    const scored = { ...marked, status: 'scored' as const, score: score(40), feedback: 'Say the reference number back.', scoredBy: ana };
    reply('roleplay.finish', success(scored));

    await click(byTestId(root, 'roleplay-progress-open'));
    const review = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="roleplay-peer-review"]'), 'review shown');
    const player = await waitFor(() => review.querySelector<HTMLAudioElement>('[data-testid="replay-audio"]'), 'recording loaded');
    await act(async () => {
      player.currentTime = 42.5;
      player.dispatchEvent(new Event('timeupdate'));
    });
    await click(byTestId(review, 'roleplay-mark-acknowledged-fully'));
    expect(callsTo('roleplay.mark')).toEqual([{ sessionId: toReview.id, mark: { criterionId: 'acknowledged', levelId: 'fully', atMs: 42_500 } }]);
    await waitFor(() => byTestId(review, 'roleplay-criterion').dataset.level === 'fully', 'mark shown on the rubric');
    // The mark sits on the replay's list too, at the time it was given.
    expect(byTestId(review, 'replay-mark-item').textContent).toContain('00:42');

    await typeInto(byTestId<HTMLTextAreaElement>(review, 'roleplay-progress-feedback'), '  Say the reference number back. ');
    await click(byTestId(review, 'roleplay-progress-finish'));
    expect(callsTo('roleplay.finish')).toEqual([{ sessionId: toReview.id, feedback: 'Say the reference number back.' }]);
    const result = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="roleplay-result"]'), 'result shown');
    expect(result.dataset.status).toBe('scored');
    // Progress is asked again: the new score moves it.
    expect(callsTo('roleplay.progress')).toHaveLength(2);

    await click(byTestId(root, 'roleplay-progress-back'));
    expect(ids(root)).toEqual([]);
    await click(byTestId(root, 'roleplay-progress-filter-scored'));
    expect(ids(root)).toEqual([peerScored.id, toReview.id, trainerScored.id]);
    expect(rows(root)[1]!.querySelector('[data-testid="roleplay-progress-percent"]')!.textContent).toBe('40%');
  });

  it('shows per team the criteria weakest first, and per trainee each criterion over sessions, as numbers', async () => {
    const root = await openPane(trainer);
    const teamTable = byTestId(root, 'roleplay-progress-team');
    expect(teamTable.querySelector('caption')!.textContent).toBe('Manila Care 1: what to train next');
    const weak = [...teamTable.querySelectorAll<HTMLElement>('[data-testid="roleplay-progress-weak"]')];
    expect(weak.map((row) => [row.querySelector('th')!.textContent, row.querySelector('[data-testid="roleplay-progress-average"]')!.textContent])).toEqual([
      ['Reference', '25%'],
      ['Policy', '50%'],
      ['Acknowledged', '88%'],
    ]);

    const trainee = byTestId(root, 'roleplay-progress-trainee');
    expect(trainee.querySelector('caption')!.textContent).toBe('Maria Santos');
    const line = byTestId(trainee, 'roleplay-progress-line');
    expect(byTestId(line, 'roleplay-progress-values').textContent).toBe('50%, 100%');
    expect(byTestId(line, 'roleplay-sparkline').getAttribute('aria-label')).toBe('Acknowledged: 50%, 100%');
    expect(byTestId(byTestId(trainee, 'roleplay-progress-overall'), 'roleplay-progress-values').textContent).toBe('40%, 80%');
  });
});

describe("the agent's role-play sessions", () => {
  it('lists all their own sessions without a filter, and their own progress', async () => {
    const mine = [toReview, trainerScored];
    const root = await openPane(people.agent, mine);
    expect(root.querySelector('h3')!.textContent).toBe('My role-play sessions');
    expect(root.querySelector('[data-testid="roleplay-progress-filter-all"]')).toBeNull();
    expect(ids(root)).toEqual([toReview.id, trainerScored.id]);
    expect(root.querySelector('[data-testid="roleplay-progress-team"]')).toBeNull();
    expect(byTestId(root, 'roleplay-progress-trainee').querySelector('caption')!.textContent).toBe('My progress');

    // A peer session still waiting reads as waiting; an agent cannot score it.
    await click(rows(root)[0]!.querySelector<HTMLButtonElement>('[data-testid="roleplay-progress-open"]')!);
    await waitFor(() => root.querySelector('[data-testid="roleplay-result-waiting"]'), 'waiting shown');
    expect(root.querySelector('[data-testid="roleplay-peer-review"]')).toBeNull();
  });
});
