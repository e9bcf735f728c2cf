import { expect, test, type Page } from '@playwright/test';
import { openAgentConsole, openConsoleAs, openCustomer, startCustomerStack, timelineItem, type SignedInConsole, type CustomerStack } from '../customers/customer-stack';
import { demo } from '../support/console-app';

/**
 * Escalation on two consoles: the agent escalates a refund outside the window from the customer's
 * card; the supervisor's queue shows it by itself, with its packet; the supervisor approves and the
 * agent's card shows who approved what, without a reload. A second one is denied, and the agent
 * sees the reason to read out. (The story does this during a live call; the call is joined
 * to it in the workspace story.)
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

/** A supervisor's machine: a web host and a browser context of its own, signed in. */
async function synced(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });
}

test('a refund escalated by the agent is approved by the supervisor, and a second one denied with a reason the agent sees', async ({ browser }) => {
  const agent = await openAgentConsole(browser, stack.url, demo('agent'));
  consoles.push(agent);
  const supervisor = await openConsoleAs(browser, stack.url, 'supervisor');
  consoles.push(supervisor);
  const queue = supervisor.page.getByTestId('escalation-queue');
  // The supervisor's console shows the queue, empty, as soon as it has its data.
  await expect(queue).toContainText('You decide as a manager.', { timeout: 30_000 });
  const page = agent.page;
  // The agent's status bar says when the cache is loaded (the supervisor's workspace has none).
  await synced(page);
  const stamp = Date.now();

  await openCustomer(page, 'joao goncalves 21', 'João Gonçalves 21');
  await page.getByTestId('escalate-open').click();
  const form = page.getByTestId('escalation-form');
  await expect(form.getByLabel('Why are you escalating?')).toBeFocused();
  await form.getByLabel('Why are you escalating?').fill(`Refund asked months after delivery; the TV flickers ${stamp}`);
  await form.getByLabel('What the customer asks for').fill('Refund');
  await form.getByLabel('About an order (optional)').selectOption({ label: 'SO-e2e-21' });
  await form.getByLabel('Item (optional)').selectOption({ label: 'TV 32"' });
  await form.getByLabel('Amount (optional)').fill('1200');
  await form.getByLabel('Notes for the manager (optional)').fill('Loyal customer since 2019');
  await form.getByRole('button', { name: 'Send for a decision' }).click();
  await expect(form).toHaveCount(0);
  const first = page.getByTestId('escalation-banner').first();
  await expect(first).toHaveAttribute('data-outcome', 'waiting');
  await expect(first).toContainText('Waiting for a manager');
  const escalationId = await first.getAttribute('data-id');

  // The supervisor's queue shows it by itself, with the packet the agent's console filled in.
  const row = queue.locator(`[data-testid="queue-row"][data-id="${escalationId}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('João Gonçalves 21');
  await expect(row).toContainText('Refund ₱1,200.00');
  await row.getByRole('button', { name: 'Open' }).click();
  const packet = supervisor.page.getByTestId('escalation-packet');
  await expect(packet.getByTestId('packet-reason')).toContainText(`the TV flickers ${stamp}`);
  await expect(packet.getByTestId('packet-order')).toContainText('SO-e2e-21');
  await expect(packet.getByTestId('packet-order')).toContainText('Delivered');
  await expect(packet.getByTestId('packet-item')).toContainText('TV 32"');
  await expect(packet).toContainText('Loyal customer since 2019');
  await expect(packet).toContainText('Raised by Maria Santos');
  await supervisor.page.getByTestId('decision-reason').fill('Goodwill for a loyal customer');
  await supervisor.page.getByTestId('decision-approve').click();
  await expect(row).toHaveCount(0);

  // The agent's card shows the approval without a reload, and the timeline keeps the trail.
  const approved = page.locator(`[data-testid="escalation-banner"][data-id="${escalationId}"]`);
  await expect(approved).toHaveAttribute('data-outcome', 'approved', { timeout: 20_000 });
  await expect(approved).toContainText('Approved by Jose Reyes (manager): Refund ₱1,200.00');
  await expect(approved).toContainText('Goodwill for a loyal customer');
  const onTimeline = timelineItem(page, `the TV flickers ${stamp}`);
  await expect(onTimeline).toHaveAttribute('data-kind', 'escalation');
  await expect(onTimeline.getByTestId('escalation-step')).toHaveCount(2);
  await expect(onTimeline.getByTestId('escalation-step').last()).toContainText('Approved by Jose Reyes (manager)');
  await expect(onTimeline.getByTestId('timeline-pending')).toHaveCount(0, { timeout: 15_000 });

  // The second, by keyboard: Alt+E opens the form; Ctrl+Enter sends it.
  await page.keyboard.press('Alt+E');
  await expect(form.getByLabel('Why are you escalating?')).toBeFocused();
  await page.keyboard.type(`Wants a refund for a TV that works ${stamp}`);
  await form.getByLabel('What the customer asks for').fill('Refund of the TV');
  await form.getByLabel('What the customer asks for').press('Control+Enter');
  await expect(form).toHaveCount(0);
  const second = page.locator('[data-testid="escalation-banner"][data-outcome="waiting"]');
  await expect(second).toHaveCount(1);
  const secondId = await second.getAttribute('data-id');

  const secondRow = queue.locator(`[data-testid="queue-row"][data-id="${secondId}"]`);
  await expect(secondRow).toBeVisible({ timeout: 20_000 });
  await secondRow.getByRole('button', { name: 'Open' }).click();
  // A denial needs a reason the agent can read out.
  await supervisor.page.getByTestId('decision-deny').click();
  await expect(supervisor.page.getByTestId('escalation-decision')).toContainText('Say why');
  await supervisor.page.getByTestId('decision-reason').fill('The 30-day window has passed and the TV works');
  await supervisor.page.getByTestId('decision-deny').click();
  await expect(secondRow).toHaveCount(0);
  await expect(queue).toContainText('Nothing is waiting for a decision.');

  const denied = page.locator(`[data-testid="escalation-banner"][data-id="${secondId}"]`);
  await expect(denied).toHaveAttribute('data-outcome', 'denied', { timeout: 20_000 });
  await expect(denied).toContainText('Denied by Jose Reyes (manager)');
  await expect(denied.getByTestId('escalation-reason')).toHaveText('Tell the customer: The 30-day window has passed and the TV works');
  // The first decision is still there for the agent to see.
  await expect(approved).toHaveAttribute('data-outcome', 'approved');
});
