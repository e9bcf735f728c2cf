import { expect, test, type Browser } from '@playwright/test';
import { demo } from '../support/console-app';
import { addNote, AGENT2, openAgentConsole, openCustomer, startCustomerStack, timelineItem, type SignedInConsole, type CustomerStack } from './customer-stack';

/**
 * Two agents on two machines, one central server with customers. What each agent sees of the
 * other's work, and what still works when the server is gone.
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

async function twoAgents(browser: Browser): Promise<[SignedInConsole, SignedInConsole]> {
  const agent = demo('agent');
  const first = await openAgentConsole(browser, stack.url, agent);
  consoles.push(first);
  const second = await openAgentConsole(browser, stack.url, AGENT2);
  consoles.push(second);
  for (const c of [first, second]) {
    await expect(c.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(c.page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });
  }
  return [first, second];
}

test('a note added on one console appears on the other without a reload', async ({ browser }) => {
  const [first, second] = await twoAgents(browser);
  // Accents and case do not matter; the customer is João Gonçalves 21.
  await openCustomer(first.page, 'joao goncalves 21', 'João Gonçalves 21');
  await openCustomer(second.page, 'JOAO GONC', 'João Gonçalves 21');

  const text = `Gusto niyang ipapalit ang charger — ${Date.now()}`;
  await addNote(first.page, text);
  await expect(timelineItem(first.page, text)).toBeVisible();
  // Confirmed by the server: the "not uploaded yet" mark goes away on its own.
  await expect(timelineItem(first.page, text).getByTestId('timeline-pending')).toHaveCount(0, { timeout: 15_000 });

  await expect(timelineItem(second.page, text)).toBeVisible({ timeout: 5_000 });
  await expect(timelineItem(second.page, text)).toContainText('Maria Santos');
  // Newest first.
  await expect(second.page.getByTestId('timeline-item').first()).toContainText(text);
});

test('a note half-typed comes back after the console reloads, and goes once it is saved', async ({ browser }) => {
  const [first] = await twoAgents(browser);
  await openCustomer(first.page, 'dela cruz 13', 'Ana Dela Cruz 13');
  const text = `Hindi pa tapos ang note — ${Date.now()}`;
  await first.page.getByTestId('customer-note-input').fill(text);
  await expect(first.page.getByTestId('customer-note-draft')).toHaveText('Draft kept on this computer.');

  await first.page.reload();
  await openCustomer(first.page, 'dela cruz 13', 'Ana Dela Cruz 13');
  await expect(first.page.getByTestId('customer-note-input')).toHaveValue(text);
  await first.page.getByTestId('customer-note-save').click();
  await expect(timelineItem(first.page, text)).toBeVisible();
  await expect(first.page.getByTestId('customer-note-input')).toHaveValue('');

  // Saved, the draft is gone: opening the customer again starts with an empty box.
  await first.page.reload();
  await openCustomer(first.page, 'dela cruz 13', 'Ana Dela Cruz 13');
  await expect(timelineItem(first.page, text)).toBeVisible();
  await expect(first.page.getByTestId('customer-note-input')).toHaveValue('');
});

test('with the server stopped the console still finds customers and saves notes, which arrive once it is back', async ({ browser }) => {
  const [first, second] = await twoAgents(browser);
  await openCustomer(second.page, 'maria santos 100', 'Maria Santos 100');

  await stack.stop();
  await expect(first.page.getByTestId('offline-banner')).toBeVisible({ timeout: 30_000 });
  await expect(first.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');

  // Search by name and by a number typed the local way, all from the cache.
  await openCustomer(first.page, '0917 100 0100', 'Maria Santos 100');
  const texts = [`Offline note one ${Date.now()}`, `Offline note two ${Date.now()}`];
  for (const text of texts) await addNote(first.page, text);
  for (const text of texts) await expect(timelineItem(first.page, text).getByTestId('timeline-pending')).toBeVisible();
  await expect(first.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '2');

  await stack.restart();
  await expect(first.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await expect(first.page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 30_000 });
  for (const text of texts) await expect(timelineItem(first.page, text).getByTestId('timeline-pending')).toHaveCount(0, { timeout: 15_000 });

  // The other agent, who had the same customer open all along, sees both notes arrive.
  for (const text of texts) await expect(timelineItem(second.page, text)).toBeVisible({ timeout: 30_000 });
});
