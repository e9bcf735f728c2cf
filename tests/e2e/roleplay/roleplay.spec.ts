import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { API, LoginResponse } from '../../../shared/api/auth';
import { API_ROLEPLAY, RolePlaySession } from '../../../shared/api/roleplay';
import { API_WALLBOARD, TeamFigures, Wallboard } from '../../../shared/api/wallboard';
import { DEMO_TEAM } from '../../../shared/domain/demo-accounts';
import { Scenario } from '../../../shared/roleplay/scenario';
import { scoreSession } from '../../../shared/roleplay/scoring';
import { expect, PARTY_PASSWORD, test } from '../support/phone-fixtures';
import type { Party } from '../support/phone-party';

test.describe.configure({ timeout: 240_000 });

const TEAM = [DEMO_TEAM.id];
const SCENARIO = Scenario.parse(JSON.parse(readFileSync(new URL('../../../resources/roleplay/scenarios/refund-outside-window.json', import.meta.url), 'utf8')));
/** Three criteria the trainer marks during the call, with the level heard. */
const MARKS = [
  { criterionId: 'acknowledged-feeling', levelId: 'named' },
  { criterionId: 'found-real-problem', levelId: 'partly' },
  { criterionId: 'applied-policy', levelId: 'right' },
] as const;

async function apiSignIn(serverUrl: string, username: string, password = PARTY_PASSWORD): Promise<string> {
  const response = await fetch(`${serverUrl}${API.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return LoginResponse.parse(await response.json()).token;
}

async function apiGet(serverUrl: string, token: string, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${serverUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? await response.json() : null };
}

const pane = (page: Page) => page.getByTestId('roleplay-pane');

/** The trainer picks the scenario and the trainee, and starts: their phone calls the trainee's. */
async function startSession(trainer: Party, trainee: Party): Promise<void> {
  const page = trainer.page;
  await pane(page).getByTestId('roleplay-scenario').selectOption(SCENARIO.id);
  await pane(page).getByTestId('roleplay-trainee').selectOption(trainee.userId!);
  await pane(page).getByTestId('roleplay-start').click();
  await expect(pane(page).getByTestId('roleplay-running')).toHaveAttribute('data-status', 'calling', { timeout: 15_000 });
}

test('a trainer runs a scored role-play: training banner and practice customer, two-way audio, live marks, feedback, replay, kept apart from real work', async ({ party, sip }) => {
  const [trainer, trainee, supervisor] = await Promise.all([
    party('Ana', { tone: 880, role: 'trainer', teamIds: TEAM }),
    party('Maria', { tone: 440, teamIds: TEAM }),
    party('Jose', { tone: 660, role: 'supervisor', teamIds: TEAM }),
  ]);
  const supervisorToken = await apiSignIn(sip.server.url, supervisor.username);
  const since = new Date(Date.now() - 60_000).toISOString();
  const handledBefore = TeamFigures.parse((await apiGet(sip.server.url, supervisorToken, `${API_WALLBOARD.figures}?since=${since}`)).body).team.callsHandled;

  await startSession(trainer, trainee);

  // The trainee's console: TRAINING, who runs it, and the scenario's practice customer.
  const banner = trainee.page.getByTestId('training-banner');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText('TRAINING');
  await expect(banner).toContainText('Ana');
  await expect(trainee.page.getByTestId('training-customer-name')).toHaveText(SCENARIO.customer.name);
  await expect(trainee.page.getByTestId('training-customer-phone')).toHaveText(SCENARIO.customer.phone);
  await trainee.page.getByTestId('training-consent').check();
  await trainee.answer(1);

  // Both hear each other; the trainee's console records both sides, as agreed.
  await trainee.hears(880);
  await trainer.hears(440);
  await expect(trainee.page.getByTestId('training-recording')).toBeVisible({ timeout: 10_000 });
  await expect(pane(trainer.page).getByTestId('roleplay-running')).toHaveAttribute('data-status', 'in-call');
  await expect(pane(trainer.page).getByTestId('roleplay-persona')).toContainText(SCENARIO.persona.name);

  // The wallboard shows the trainee in training, with no live call, while the session runs.
  await expect
    .poll(async () => {
      const board = Wallboard.parse((await apiGet(sip.server.url, supervisorToken, API_WALLBOARD.board)).body);
      const row = board.agents.find((agent) => agent.id === trainee.userId);
      return row ? { status: row.status, calls: row.calls.length } : null;
    }, { timeout: 15_000 })
    .toEqual({ status: 'training', calls: 0 });

  // Three marks during the call, a second or more apart, each stamped with the call's time.
  for (const mark of MARKS) {
    await trainer.page.waitForTimeout(1_200);
    await pane(trainer.page).getByTestId(`roleplay-mark-${mark.criterionId}-${mark.levelId}`).click();
    await expect(pane(trainer.page).locator(`[data-testid="roleplay-criterion"][data-criterion="${mark.criterionId}"]`)).toHaveAttribute('data-level', mark.levelId);
  }
  // Out of role: a hint only the trainee sees, and a pause to coach, on the call itself.
  await pane(trainer.page).getByTestId('roleplay-hint').fill('Ask what has been happening with them');
  await pane(trainer.page).getByTestId('roleplay-send-hint').click();
  await expect(trainee.page.getByTestId('training-hint')).toContainText('Ask what has been happening with them', { timeout: 10_000 });
  await pane(trainer.page).getByTestId('roleplay-pause').click();
  await expect(trainee.page.getByTestId('training-paused')).toBeVisible({ timeout: 10_000 });
  await pane(trainer.page).getByTestId('roleplay-pause').click();
  await expect(trainee.page.getByTestId('training-paused')).toHaveCount(0, { timeout: 10_000 });

  const expected = scoreSession(SCENARIO, MARKS.map((mark, i) => ({ ...mark, atMs: i })));
  await expect(pane(trainer.page).getByTestId('roleplay-preview')).toHaveAttribute('data-percent', String(Math.round(expected.percent)));

  await pane(trainer.page).getByTestId('roleplay-hangup').click();
  await trainee.expectLineOver(1);
  await expect(pane(trainer.page).getByTestId('roleplay-running')).toHaveAttribute('data-status', 'ended');
  // The trainee waits for the feedback on their console.
  await expect(trainee.page.getByTestId('roleplay-result-waiting')).toBeVisible({ timeout: 10_000 });

  const feedback = 'You named her frustration well. Next time ask what she needs before the policy.';
  await pane(trainer.page).getByTestId('roleplay-feedback').fill(feedback);
  await pane(trainer.page).getByTestId('roleplay-send-feedback').click();
  await expect(pane(trainer.page).getByTestId('roleplay-running')).toHaveAttribute('data-status', 'scored', { timeout: 10_000 });

  // The trainee sees the score, the outcome against the pass mark, each criterion and the feedback.
  const result = trainee.page.getByTestId('roleplay-result');
  await expect(result).toHaveAttribute('data-outcome', expected.outcome, { timeout: 10_000 });
  await expect(result.getByTestId('roleplay-result-overall')).toHaveAttribute('data-percent', String(Math.round(expected.percent)));
  for (const mark of MARKS) {
    await expect(result.locator(`[data-testid="roleplay-result-criterion"][data-criterion="${mark.criterionId}"]`)).toHaveAttribute('data-level', mark.levelId);
  }
  await expect(result.getByTestId('roleplay-result-feedback')).toContainText(feedback);

  // The recording replays with the three marks on its timeline, on the trainee's and the trainer's consoles.
  for (const page of [trainee.page, trainer.page]) {
    const replay = page.getByTestId('roleplay-result').getByTestId('recording-replay');
    await expect(replay).toBeVisible({ timeout: 15_000 });
    await expect(replay.getByTestId('replay-mark')).toHaveCount(MARKS.length);
    await expect.poll(() => replay.locator('audio').evaluate((audio: HTMLAudioElement) => audio.readyState), { timeout: 10_000 }).toBeGreaterThan(0);
  }

  // Kept apart: the practice customer is nowhere in the real customer base, and the team's
  // calls-handled figure did not move.
  await trainee.page.getByTestId('roleplay-result-close').click();
  for (const text of [SCENARIO.customer.name.split(' ')[1]!, SCENARIO.customer.phone]) {
    await trainee.page.getByTestId('customer-search').fill(text);
    await expect(trainee.page.getByTestId('customer-results')).toHaveAttribute('data-results-for', text, { timeout: 10_000 });
    await expect(trainee.page.getByTestId('customer-result')).toHaveCount(0);
  }
  const handledAfter = TeamFigures.parse((await apiGet(sip.server.url, supervisorToken, `${API_WALLBOARD.figures}?since=${since}`)).body).team.callsHandled;
  expect(handledAfter).toBe(handledBefore);
});

test('results are personal: another trainee cannot open them, and an agent can only start peer practice they cannot score', async ({ party, sip }) => {
  const [trainer, trainee] = await Promise.all([party('Ana', { tone: 880, role: 'trainer', teamIds: TEAM }), party('Maria', { tone: 440, teamIds: TEAM })]);
  await startSession(trainer, trainee);
  const sessionId = await pane(trainer.page).getByTestId('roleplay-running').getAttribute('data-session-id');
  await expect(trainee.page.getByTestId('training-banner')).toBeVisible({ timeout: 15_000 });
  await trainee.answer(1);
  await trainer.hears(440);
  await pane(trainer.page).getByTestId('roleplay-hangup').click();
  await pane(trainer.page).getByTestId('roleplay-feedback').fill('Good start.');
  await pane(trainer.page).getByTestId('roleplay-send-feedback').click();
  await expect(pane(trainer.page).getByTestId('roleplay-running')).toHaveAttribute('data-status', 'scored', { timeout: 10_000 });

  // Joana, another trainee of the same team, cannot open Maria's result; Maria can.
  const joana = await party('Joana', { tone: 660, teamIds: TEAM });
  const joanaToken = await apiSignIn(sip.server.url, joana.username);
  expect((await apiGet(sip.server.url, joanaToken, API_ROLEPLAY.session(sessionId!))).status).toBe(403);
  expect((await apiGet(sip.server.url, joanaToken, API_ROLEPLAY.recording(sessionId!))).status).toBe(403);
  const mariaToken = await apiSignIn(sip.server.url, trainee.username);
  expect(RolePlaySession.parse((await apiGet(sip.server.url, mariaToken, API_ROLEPLAY.session(sessionId!))).body).feedback).toBe('Good start.');

  // An agent's session is peer practice: Joana plays the customer for Maria, but cannot score it.
  await joana.page.getByTestId('practice-toggle').click();
  await pane(joana.page).getByTestId('roleplay-scenario').selectOption(SCENARIO.id);
  await pane(joana.page).getByTestId('roleplay-trainee').selectOption(trainee.userId!);
  await pane(joana.page).getByTestId('roleplay-start').click();
  await expect(trainee.page.getByTestId('training-banner')).toContainText('Peer practice', { timeout: 15_000 });
  const peerId = await pane(joana.page).getByTestId('roleplay-running').getAttribute('data-session-id');
  const peer = RolePlaySession.parse((await apiGet(sip.server.url, joanaToken, API_ROLEPLAY.session(peerId!))).body);
  expect(peer).toMatchObject({ peer: true, caller: { id: joana.userId }, trainee: { id: trainee.userId } });
  const marked = await fetch(`${sip.server.url}${API_ROLEPLAY.marks(peerId!)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${joanaToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ criterionId: 'applied-policy', levelId: 'right', atMs: 1000 }),
  });
  expect(marked.status).toBe(403);
  await pane(joana.page).getByTestId('roleplay-hangup').click();
});
