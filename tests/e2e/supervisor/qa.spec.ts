import { randomUUID } from 'node:crypto';
import { API, LoginResponse } from '../../../shared/api/auth';
import { API_SYNC, PushResponse } from '../../../shared/api/sync';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import { QA_RUBRIC } from '../../../shared/qa/rubric';
import { demoCustomer } from '../../../server/demo-data/generator';
import { openConsoleAs, type SignedInConsole } from '../customers/customer-stack';
import { expect, test } from '../support/fixtures';

/**
 * Quality evaluation of a real call: Maria's call with a customer is on the server (pushed as her
 * console pushes it: the call record, then its wrap-up); her supervisor picks it, scores it with
 * the QA rubric and writes feedback; Maria opens it, sees the score per criterion and the feedback,
 * and acknowledges it; the supervisor sees it acknowledged with her comment.
 */

const MARIA = DEMO_ACCOUNTS.find((account) => account.username === 'agent')!;
const customer = demoCustomer(41).customer;
const consoles: SignedInConsole[] = [];

test.afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
});

/** Maria's console's uploads for one answered three-minute call, wrapped up as resolved. */
async function recordMariasCall(serverUrl: string, callId: string): Promise<void> {
  const login = await fetch(`${serverUrl}${API.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: MARIA.username, password: MARIA.password }),
  });
  expect(login.status).toBe(200);
  const { token } = LoginResponse.parse(await login.json());
  const started = Date.now() - 20 * 60_000;
  const at = (ms: number) => new Date(started + ms).toISOString();
  const response = await fetch(`${serverUrl}${API_SYNC.push}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      mutations: [
        {
          id: randomUUID(),
          kind: 'call.record',
          payload: {
            id: callId,
            direction: 'inbound',
            number: '+639170004141',
            remoteUri: 'sip:+639170004141@kalma.test',
            customerId: customer.id,
            line: 1,
            startedAt: at(0),
            answeredAt: at(5_000),
            endedAt: at(185_000),
            endCause: 'hangup-remote',
            transfers: [],
          },
        },
        { id: randomUUID(), kind: 'call.wrapUp', payload: { callId, disposition: 'resolved', wrappedUpAt: at(200_000), automatic: false } },
      ],
    }),
  });
  expect(response.status).toBe(200);
  expect(PushResponse.parse(await response.json()).results.map((r) => r.status)).toEqual(['applied', 'applied']);
}

test("a supervisor scores an agent's real call with the rubric; the agent sees it and acknowledges it", async ({ browser, server }) => {
  test.setTimeout(120_000);
  const callId = `qa-${randomUUID()}@kalma.test`;
  await recordMariasCall(server.url, callId);

  const supervisor = await openConsoleAs(browser, server.url, 'supervisor');
  consoles.push(supervisor);
  const review = supervisor.page.getByTestId('qa-review');
  await review.getByTestId('qa-agent').selectOption({ label: MARIA.displayName });
  const call = review.locator(`[data-testid="qa-call"][data-call-id="${callId}"]`);
  await expect(call).toContainText(customer.name);
  await expect(call).toContainText('3:00');
  await call.getByRole('radio').check();
  // Full marks but for the closing: no reference number given.
  for (const criterion of QA_RUBRIC) {
    const level = criterion.id === 'closed-with-reference' ? criterion.levels[0]! : criterion.levels[criterion.levels.length - 1]!;
    await review.getByTestId(`roleplay-mark-${criterion.id}-${level.id}`).click();
  }
  const expected = 100 - QA_RUBRIC.find((c) => c.id === 'closed-with-reference')!.weight;
  await expect(review.getByTestId('roleplay-preview')).toHaveAttribute('data-percent', String(expected));
  await review.getByTestId('qa-feedback').fill('Warm and clear. Give the reference number before you close.');
  await review.getByTestId('qa-save').click();
  await expect(review.getByTestId('qa-saved')).toContainText(`${expected}%`);
  await expect(review.getByTestId('qa-history-item').first()).toHaveAttribute('data-acknowledged', 'false');

  const agent = await openConsoleAs(browser, server.url, 'agent');
  consoles.push(agent);
  const mine = agent.page.getByTestId('qa-mine');
  await mine.getByTestId('qa-mine-toggle').click();
  const item = mine.getByTestId('qa-mine-item').first();
  await expect(item).toContainText(customer.name);
  await item.getByTestId('qa-mine-open').click();
  await expect(mine.getByTestId('qa-result-overall')).toHaveAttribute('data-percent', String(expected));
  await expect(mine.locator('[data-testid="qa-result-criterion"][data-criterion="closed-with-reference"]')).toHaveAttribute('data-level', 'missed');
  await expect(mine.getByTestId('qa-result-feedback')).toContainText('Give the reference number before you close.');
  await mine.getByTestId('qa-mine-comment').fill('Will do, thanks');
  await mine.getByTestId('qa-mine-acknowledge').click();
  await expect(mine.getByTestId('qa-mine-acknowledged')).toContainText('Will do, thanks');

  // The supervisor opens Maria's evaluations again: acknowledged, with her comment.
  await review.getByTestId('qa-agent').selectOption('');
  await review.getByTestId('qa-agent').selectOption({ label: MARIA.displayName });
  const history = review.getByTestId('qa-history-item').first();
  await expect(history).toHaveAttribute('data-acknowledged', 'true');
  await expect(history).toContainText('Will do, thanks');
});
