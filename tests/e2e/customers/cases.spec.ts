import { expect, test } from '@playwright/test';
import { demo } from '../support/console-app';
import { AGENT2, openAgentConsole, openCustomer, startCustomerStack, timelineItem, type SignedInConsole, type CustomerStack } from './customer-stack';

/**
 * Cases during the call: the agent opens a complaint and a refund on an order item from the
 * customer's card; both go on the timeline at once, upload, and show on a second agent's console.
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

test('a complaint and a refund on an order item reach the timeline, the server and the other console', async ({ browser }) => {
  const first = await openAgentConsole(browser, stack.url, demo('agent'));
  consoles.push(first);
  const second = await openAgentConsole(browser, stack.url, AGENT2);
  consoles.push(second);
  for (const c of [first, second]) {
    await expect(c.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(c.page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });
  }
  const page = first.page;
  await openCustomer(page, 'joao goncalves 21', 'João Gonçalves 21');
  await openCustomer(second.page, 'joao goncalves 21', 'João Gonçalves 21');
  const stamp = Date.now();

  // The complaint, by keyboard: the category takes the focus, Tab moves on, Ctrl+Enter saves.
  await page.getByRole('button', { name: 'Open complaint' }).click();
  const complaint = page.getByTestId('complaint-form');
  await expect(complaint.getByLabel('What is it about?')).toBeFocused();
  await complaint.getByLabel('What is it about?').selectOption('delivery');
  await page.keyboard.press('Tab');
  await page.keyboard.type(`The TV came with a cracked screen ${stamp}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Needs a working TV before the fiesta');
  await page.keyboard.press('Tab');
  await page.keyboard.type('A replacement this week');
  await complaint.getByLabel('About an order (optional)').selectOption({ label: 'SO-e2e-21' });
  await complaint.getByLabel('What the customer wants').press('Control+Enter');
  await expect(complaint).toHaveCount(0);
  const complaintItem = timelineItem(page, `cracked screen ${stamp}`);
  await expect(complaintItem).toHaveAttribute('data-kind', 'complaint');
  await expect(complaintItem.getByTestId('timeline-case')).toContainText('Delivery');
  await expect(complaintItem.getByTestId('timeline-case')).toContainText('Needs a working TV before the fiesta');

  // The refund, on the order's only item: the form shows the order, its date and status.
  const item = page.getByTestId('order-item').filter({ hasText: 'TV 32"' });
  await item.getByRole('button', { name: 'Refund TV 32"' }).click();
  const refund = page.getByTestId('request-form');
  await expect(refund.getByRole('heading', { level: 4 })).toHaveText('Refund request: TV 32"');
  await expect(refund.getByTestId('request-order-facts')).toContainText('SO-e2e-21');
  await expect(refund.getByTestId('request-order-facts')).toContainText('Delivered');
  await expect(refund.getByTestId('request-order-facts')).toContainText('2025');
  await expect(refund.getByLabel(/Refund amount/)).toHaveValue('1299.00');
  await refund.getByLabel('Reason').selectOption('defective');
  await refund.getByLabel(/Refund amount/).fill('1000');
  await refund.getByLabel('Notes (optional)').fill(`Screen cracked on arrival ${stamp}`);
  await refund.getByRole('button', { name: 'Save case' }).click();
  await expect(refund).toHaveCount(0);
  const refundItem = timelineItem(page, `cracked on arrival ${stamp}`);
  await expect(refundItem).toHaveAttribute('data-kind', 'refund_request');
  await expect(refundItem.getByTestId('timeline-case')).toContainText('Defective');
  await expect(refundItem.getByTestId('timeline-refund-amount')).toContainText('1,000.00');

  // Both uploaded: the "not uploaded yet" marks go on their own.
  for (const entry of [complaintItem, refundItem]) await expect(entry.getByTestId('timeline-pending')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');

  // The other agent (whose console is in Portuguese) sees both, with their details, as the server stored them.
  const elsewhere = [timelineItem(second.page, `cracked screen ${stamp}`), timelineItem(second.page, `cracked on arrival ${stamp}`)];
  for (const entry of elsewhere) await expect(entry).toBeVisible({ timeout: 30_000 });
  await expect(elsewhere[0]!.getByTestId('timeline-case')).toContainText('A replacement this week');
  await expect(elsewhere[1]!.getByTestId('timeline-case')).toContainText('TV-32');
  await expect(elsewhere[1]!.getByTestId('timeline-refund-amount')).toContainText(/1[.,]000[.,]00/);
});
