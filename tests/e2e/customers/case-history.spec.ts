import { expect, test, type Page } from '@playwright/test';
import { demo } from '../support/console-app';
import { AGENT2, openAgentConsole, openCustomer, startCustomerStack, timelineItem, type SignedInConsole, type CustomerStack } from './customer-stack';

/**
 * A case moves on: an agent changes a complaint's status with a note from its timeline entry, by
 * keyboard; the change uploads and the other agent sees its history. With the server stopped,
 * both agents change the same complaint; both changes are kept, the later one is current on both
 * consoles once the server is back. The network indicator says so meanwhile.
 */

let stack: CustomerStack;
const consoles: SignedInConsole[] = [];

test.beforeEach(async () => {
  test.setTimeout(240_000);
  stack = await startCustomerStack();
});

test.afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await stack.dispose();
});

/** Every synthetic customer has one complaint on the history: "late delivery". */
const complaintOf = (page: Page) => timelineItem(page, 'late delivery').and(page.locator('[data-kind="complaint"]'));

async function changeStatus(page: Page, status: string, note: string): Promise<void> {
  const item = complaintOf(page);
  const toggle = item.getByTestId('case-history-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }
  await item.getByTestId('case-status-choice').selectOption(status);
  await item.getByTestId('case-status-note').fill(note);
  await item.getByTestId('case-status-note').press('Control+Enter');
  await expect(item.getByTestId('case-status')).toHaveAttribute('data-status', status);
}

test('a complaint’s status changes with a note, keeps its history, and two agents’ offline changes both count', async ({ browser }) => {
  const first = await openAgentConsole(browser, stack.url, demo('agent'));
  consoles.push(first);
  const second = await openAgentConsole(browser, stack.url, AGENT2);
  consoles.push(second);
  for (const c of [first, second]) {
    await expect(c.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
    await expect(c.page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });
  }
  const [page, other] = [first.page, second.page];

  // The network indicator: measured, good on a local link, with the figure in its name.
  const network = page.getByTestId('network-quality');
  await expect(network).toHaveAttribute('data-level', 'good', { timeout: 30_000 });
  await expect(network).toHaveText('Network: good');
  await expect(network).toHaveAttribute('aria-label', /^Network: good\. Server round trip \d+ ms$/);
  await expect(network).toHaveAttribute('title', /^Server round trip \d+ ms$/);

  await openCustomer(page, 'joao goncalves 21', 'João Gonçalves 21');
  await openCustomer(other, 'joao goncalves 21', 'João Gonçalves 21');
  const complaint = complaintOf(page);
  await expect(complaint.getByTestId('case-status')).toHaveText('Open');

  // Enter and Space open and close the history; nobody has changed it yet.
  const toggle = complaint.getByTestId('case-history-toggle');
  await expect(toggle).toHaveText('Status history (0)');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(complaint.getByTestId('case-history')).toContainText('Nobody has changed the status yet.');
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(complaint.getByTestId('case-history')).toBeHidden();

  await changeStatus(page, 'in_progress', 'Asked the courier where the parcel is');
  await expect(complaint.getByTestId('case-status')).toHaveText('In progress');
  const entry = complaint.getByTestId('case-history-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Open → In progress');
  await expect(entry).toContainText('Maria Santos');
  await expect(entry).toContainText('Asked the courier where the parcel is');
  await expect(complaint.getByTestId('timeline-pending')).toHaveCount(0, { timeout: 15_000 });

  // The other agent (in Portuguese) sees the new status and who moved it, without a reload.
  const elsewhere = complaintOf(other);
  await expect(elsewhere.getByTestId('case-status')).toHaveAttribute('data-status', 'in_progress', { timeout: 30_000 });
  await expect(elsewhere.getByTestId('case-status')).toHaveText('Em andamento');
  await elsewhere.getByTestId('case-history-toggle').click();
  await expect(elsewhere.getByTestId('case-history-entry')).toContainText('Maria Santos');
  await expect(elsewhere.getByTestId('case-history-entry')).toContainText('Asked the courier where the parcel is');

  // The server goes away: the indicator says offline; both agents still change the complaint.
  await stack.stop();
  await expect(network).toHaveAttribute('data-level', 'offline', { timeout: 30_000 });
  await expect(network).toHaveText('Network: offline');
  await expect(network).toHaveAttribute('title', "Can't reach the Kalma server");
  await changeStatus(page, 'resolved', 'Replacement promised for Friday');
  await expect(complaint.getByTestId('timeline-pending')).toBeVisible();
  // Joana's change is made after Maria's, so hers is the later one.
  await changeStatus(other, 'closed', 'Customer cancelled the order instead');

  await stack.restart();
  for (const [p, lang] of [
    [page, 'en'],
    [other, 'pt-BR'],
  ] as const) {
    const item = complaintOf(p);
    await expect(item.getByTestId('case-status')).toHaveAttribute('data-status', 'closed', { timeout: 90_000 });
    await expect(item.getByTestId('case-history-entry')).toHaveCount(3, { timeout: 30_000 });
    await expect(item.getByTestId('timeline-pending')).toHaveCount(0, { timeout: 30_000 });
    const entries = item.getByTestId('case-history-entry');
    await expect(entries.nth(0)).toHaveAttribute('data-to', 'in_progress');
    await expect(entries.nth(1)).toHaveAttribute('data-to', 'resolved');
    await expect(entries.nth(1)).toContainText('Maria Santos');
    await expect(entries.nth(2)).toHaveAttribute('data-to', 'closed');
    await expect(entries.nth(2)).toContainText('Joana Souza');
    if (lang === 'en') await expect(item.getByTestId('case-status')).toHaveText('Closed');
  }
  await expect(network).toHaveAttribute('data-level', 'good', { timeout: 30_000 });
});
