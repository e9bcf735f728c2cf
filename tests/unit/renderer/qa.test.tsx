// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QaCall, QaEvaluation } from '../../../shared/api/qa';
import { QA_RUBRIC, QA_SCORING } from '../../../shared/qa/rubric';
import { scoreSession } from '../../../shared/roleplay/scoring';
import { MyEvaluations } from '../../../renderer/src/features/qa/MyEvaluations';
import { QualityPane } from '../../../renderer/src/features/qa/QualityPane';
import { resetQaStore } from '../../../renderer/src/features/qa/qa-store';
import { useWallboardStore } from '../../../renderer/src/features/wallboard/wallboard-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

/** Quality evaluations: the supervisor marks a call with the QA rubric and saves; the agent opens theirs and acknowledges it. */

const call: QaCall = {
  agentId: 'u-maria',
  callId: 'call-1@kalma',
  direction: 'inbound',
  number: '+639170000001',
  customerName: 'Ana Reyes',
  startedAt: '2026-12-02T01:00:00.000Z',
  durationMs: 185_000,
  disposition: 'resolved',
  evaluations: 0,
};
const best = QA_RUBRIC.map((c) => ({ criterionId: c.id, levelId: c.levels[c.levels.length - 1]!.id, atMs: 0 }));
const evaluation: QaEvaluation = {
  id: '0b6f2a56-6f0e-4c77-9a57-5d0c1f0b8e11',
  agent: { id: 'u-maria', name: 'Maria Santos' },
  callId: call.callId,
  call: { startedAt: call.startedAt, customerName: 'Ana Reyes', durationMs: 185_000, disposition: 'resolved' },
  rubricVersion: 1,
  score: scoreSession(QA_SCORING, best),
  feedback: 'Clear and warm.',
  evaluator: { id: 'u-sup', name: 'Rosa Lim' },
  evaluatedAt: '2026-12-02T02:00:00.000Z',
  acknowledgedAt: null,
  acknowledgeComment: null,
};

beforeAll(async () => {
  await switchUiLanguage('en');
});
beforeEach(() => {
  resetFakeHost();
  resetQaStore();
});
afterEach(async () => {
  await cleanup();
});

describe('quality evaluations', () => {
  it("lets a supervisor pick an agent's call, mark every criterion, write feedback and save", async () => {
    useWallboardStore.setState({ board: { teams: [], allTeams: false, serverTime: '2026-12-02T03:00:00.000Z', agents: [{ id: 'u-maria', name: 'Maria Santos' }] } as never });
    reply('qa.calls', success([call]));
    reply('qa.evaluations', success([]));
    reply('qa.evaluate', success(evaluation));
    const screen = await render(<QualityPane />);
    await choose(byTestId<HTMLSelectElement>(screen, 'qa-agent'), 'u-maria');
    const picked = await waitFor(() => screen.querySelector<HTMLInputElement>('[data-testid="qa-call"] input'), 'the call');
    expect(byTestId(screen, 'qa-call').textContent).toContain('Ana Reyes');
    await click(picked);
    expect(byTestId<HTMLButtonElement>(screen, 'qa-save').disabled).toBe(true);
    for (const mark of best) await click(byTestId(screen, `roleplay-mark-${mark.criterionId}-${mark.levelId}`));
    expect(byTestId(screen, 'roleplay-preview').dataset.percent).toBe('100');
    await typeInto(byTestId<HTMLTextAreaElement>(screen, 'qa-feedback'), 'Clear and warm.');
    await click(byTestId(screen, 'qa-save'));
    await waitFor(() => screen.querySelector('[data-testid="qa-saved"]'), 'saved');
    const [sent] = callsTo('qa.evaluate') as { agentId: string; callId: string; marks: unknown[]; feedback: string }[];
    expect(sent).toMatchObject({ agentId: 'u-maria', callId: call.callId, feedback: 'Clear and warm.' });
    expect(sent?.marks).toHaveLength(QA_RUBRIC.length);
    expect(screen.querySelectorAll('[data-testid="qa-history-item"]')).toHaveLength(1);
  });

  it('lets the agent open an evaluation and acknowledge it with a comment', async () => {
    reply('qa.evaluations', success([evaluation]));
    reply('qa.acknowledge', success({ ...evaluation, acknowledgedAt: '2026-12-02T03:00:00.000Z', acknowledgeComment: 'Thanks' }));
    const screen = await render(<MyEvaluations />);
    const details = byTestId<HTMLDetailsElement>(screen, 'qa-mine');
    expect(details.open).toBe(false);
    await click(byTestId(screen, 'qa-mine-toggle'));
    await click(await waitFor(() => screen.querySelector<HTMLButtonElement>('[data-testid="qa-mine-open"]'), 'the list'));
    expect(byTestId(screen, 'qa-result-feedback').textContent).toContain('Clear and warm.');
    expect(screen.querySelectorAll('[data-testid="qa-result-criterion"]')).toHaveLength(QA_RUBRIC.length);
    await typeInto(byTestId<HTMLInputElement>(screen, 'qa-mine-comment'), 'Thanks');
    await click(byTestId(screen, 'qa-mine-acknowledge'));
    await waitFor(() => screen.querySelector('[data-testid="qa-mine-acknowledged"]'), 'acknowledged');
    expect(callsTo('qa.acknowledge')).toEqual([{ evaluationId: evaluation.id, comment: 'Thanks' }]);
    expect(byTestId(screen, 'qa-mine-item').dataset.acknowledged).toBe('true');
  });
});
