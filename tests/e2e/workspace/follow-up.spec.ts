import { expect, test, type Page } from '@playwright/test';
import { openAgentConsole, openConsoleAs, openCustomer, startCustomerStack, type SignedInConsole, type CustomerStack } from '../customers/customer-stack';
import { demo } from '../support/console-app';

/**
 * Retention: the agent escalates a refund from the customer's card, the supervisor denies it, and
 * the agent's callbacks list gets a follow-up for that customer by itself (through the sync feed),
 * saying it follows a denied refund. The agent makes it and records how it went; the timeline shows
 * the outcome, and so does the same agent's second console, which has it only from the server.
 */

let stack: CustomerStack;
const consoles: SignedInConsole[] = [];

test.beforeEach(async () => {
  test.setTimeout(180_000);
  stack = await startCustomerStack();
});

test.afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await stack.dispose();
});

async function synced(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });
}

const outcomeOnTimeline = (page: Page) => page.getByTestId('timeline-item').filter({ has: page.getByTestId('timeline-follow-up-outcome') });

test('a denied refund creates a follow-up for the agent; completing it records the outcome', async ({ browser }) => {
  const agent = await openAgentConsole(browser, stack.url, demo('agent'));
  consoles.push(agent);
  const supervisor = await openConsoleAs(browser, stack.url, 'supervisor');
  consoles.push(supervisor);
  const queue = supervisor.page.getByTestId('escalation-queue');
  await expect(queue).toContainText('You decide as a manager.', { timeout: 30_000 });
  const page = agent.page;
  await synced(page);
  const stamp = Date.now();

  await openCustomer(page, 'joao goncalves 21', 'João Gonçalves 21');
  await page.getByTestId('escalate-open').click();
  const form = page.getByTestId('escalation-form');
  await form.getByLabel('Why are you escalating?').fill(`Refund asked months after delivery ${stamp}`);
  await form.getByLabel('What the customer asks for').fill('Refund of the TV');
  await form.getByLabel('Amount (optional)').fill('1200');
  await form.getByRole('button', { name: 'Send for a decision' }).click();
  await expect(form).toHaveCount(0);
  const banner = page.locator('[data-testid="escalation-banner"][data-outcome="waiting"]');
  await expect(banner).toHaveCount(1);
  const escalationId = await banner.getAttribute('data-id');

  // The supervisor denies it, with the reason the agent reads out.
  const row = queue.locator(`[data-testid="queue-row"][data-id="${escalationId}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole('button', { name: 'Open' }).click();
  await supervisor.page.getByTestId('decision-reason').fill('The 30-day window has passed');
  await supervisor.page.getByTestId('decision-deny').click();
  await expect(row).toHaveCount(0);
  await expect(page.locator(`[data-testid="escalation-banner"][data-id="${escalationId}"]`)).toHaveAttribute('data-outcome', 'denied', { timeout: 20_000 });

  // The follow-up reaches the agent's callbacks list by itself, saying why, due in two days.
  const followUp = page.getByTestId('callbacks').locator('[data-testid="callback"][data-follow-up="denied-refund"]').filter({ hasText: 'João Gonçalves 21' });
  await expect(followUp).toHaveCount(1, { timeout: 20_000 });
  await expect(followUp).toHaveAttribute('data-timing', 'later');
  await expect(followUp.getByTestId('callback-follow-up')).toContainText('Follow-up after a denied refund');
  await expect(followUp.getByTestId('callback-follow-up')).toContainText('Asked for: Refund of the TV');
  await expect(followUp.getByTestId('callback-follow-up')).toContainText('Denied: The 30-day window has passed');

  // The agent calls back and records how it went.
  await followUp.getByTestId('callback-done').click();
  const outcome = followUp.getByTestId('callback-outcome');
  await expect(outcome.getByTestId('callback-outcome-save')).toBeDisabled();
  await outcome.getByLabel('Accepted an alternative').check();
  await outcome.getByLabel('Note (optional)').fill(`Took a store voucher ${stamp}`);
  await outcome.getByTestId('callback-outcome-save').click();
  await expect(followUp).toHaveCount(0);

  // The customer's timeline shows the outcome, confirmed by the server.
  const onTimeline = outcomeOnTimeline(page);
  await expect(onTimeline).toHaveCount(1);
  await expect(onTimeline.getByTestId('timeline-follow-up')).toHaveText('Follow-up after a denied refund');
  await expect(onTimeline.getByTestId('timeline-follow-up-outcome')).toHaveText(`Follow-up outcome: Accepted an alternative · Took a store voucher ${stamp}`);
  await expect(onTimeline.getByTestId('timeline-pending')).toHaveCount(0, { timeout: 15_000 });

  // The same agent's second console has it from the server alone.
  const second = await openAgentConsole(browser, stack.url, demo('agent'));
  consoles.push(second);
  await synced(second.page);
  await openCustomer(second.page, 'joao goncalves 21', 'João Gonçalves 21');
  await expect(outcomeOnTimeline(second.page).getByTestId('timeline-follow-up-outcome')).toHaveAttribute('data-result', 'accepted-alternative');
  await expect(second.page.getByTestId('callbacks').locator('[data-testid="callback"][data-follow-up]')).toHaveCount(0);
});
