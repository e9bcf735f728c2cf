import { expect, test, type Browser, type Page } from '@playwright/test';
import { en } from '../../../renderer/src/i18n/catalogs/en';
import { demo } from '../support/console-app';
import { AGENT2, openAgentConsole, openCustomer, startCustomerStack, type SignedInConsole, type CustomerStack } from './customer-stack';

/**
 * An agent on a Manila floor (phone region PH, the default) takes a call from someone who is not
 * a customer yet, creates them, fixes their email, and a colleague on another machine finds them.
 */

let stack: CustomerStack;
const consoles: SignedInConsole[] = [];

test.beforeEach(async () => {
  test.setTimeout(180_000);
  // Twelve customers: among them "Maria Dela Cruz 10" and "João Dela Cruz 11", so the new Maria
  // has namesakes in the list and the search must still tell her apart.
  stack = await startCustomerStack(12);
});

test.afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await stack.dispose();
});

/** One agent's machine, signed in, with the customers loaded. */
async function agentConsole(browser: Browser, account: { username: string; password: string }): Promise<SignedInConsole> {
  const c = await openAgentConsole(browser, stack.url, account);
  consoles.push(c);
  await expect(c.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(c.page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });
  return c;
}

const card = (page: Page) => page.getByTestId('customer-card');

test('a new customer is created, found, edited and seen from another console', async ({ browser }) => {
  const first = await agentConsole(browser, demo('agent'));
  const page = first.page;

  // New customer: name and the number as the customer says it, Enter saves.
  await page.getByTestId('new-customer').click();
  const form = page.getByTestId('new-customer-form');
  await expect(form.getByTestId('profile-name')).toBeFocused();
  await form.getByTestId('profile-name').fill('Maria dela Cruz');
  await form.getByTestId('profile-phone').fill('0917 555 0199');
  await form.getByTestId('profile-name').press('Enter');
  await expect(form).toHaveCount(0);
  await expect(card(page).getByRole('heading', { name: 'Maria dela Cruz', exact: true })).toBeVisible();
  await expect(card(page)).toContainText('+639175550199');

  // Found at once on this computer, by name among her namesakes and by the number in local form.
  await openCustomer(page, 'dela cruz', 'Maria dela Cruz');
  await page.getByTestId('customer-search').fill('09175550199');
  await expect(page.getByTestId('customer-result').filter({ hasText: /^Maria dela Cruz(?!\d)/ })).toHaveCount(1);

  // Her email: a wrong one is marked by the field and not saved; the right one is.
  await card(page).getByTestId('customer-edit').click();
  const profile = page.getByTestId('profile-form');
  await expect(profile.getByTestId('profile-name')).toBeFocused();
  const email = profile.getByTestId('profile-email');
  await email.fill('maria.delacruz@gmail');
  await email.press('Enter');
  await expect(profile.getByTestId('profile-email-error')).toHaveText(en.customers.profile.problems.email);
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill('maria.delacruz@gmail.com');
  await email.press('Enter');
  await expect(profile).toHaveCount(0);
  await expect(card(page)).toContainText('maria.delacruz@gmail.com');
  await expect(card(page).getByTestId('customer-edit')).toBeFocused();

  // Both writes reach the server (the outbox empties), and the change is still there after a reload.
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await page.reload();
  await openCustomer(page, 'dela cruz', 'Maria dela Cruz');
  await expect(card(page)).toContainText('maria.delacruz@gmail.com');

  // A colleague on another machine finds her after their console syncs, once, with the new email.
  const second = await agentConsole(browser, AGENT2);
  await second.page.getByTestId('customer-search').fill('dela cruz');
  await expect(second.page.getByTestId('customer-result').filter({ hasText: /^Maria dela Cruz(?!\d)/ })).toHaveCount(1, { timeout: 15_000 });
  await openCustomer(second.page, 'dela cruz', 'Maria dela Cruz');
  await expect(card(second.page)).toContainText('maria.delacruz@gmail.com');
  await expect(card(second.page)).toContainText('+639175550199');
});

test('an edit made with the server down is kept, shown, and arrives once it is back', async ({ browser }) => {
  const first = await agentConsole(browser, demo('agent'));
  const page = first.page;
  await openCustomer(page, 'maria dela cruz 10', 'Maria Dela Cruz 10');

  await stack.stop();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 30_000 });
  await card(page).getByTestId('customer-edit').click();
  const profile = page.getByTestId('profile-form');
  await profile.getByTestId('profile-add-phone').click();
  await profile.getByTestId('profile-phone').last().fill('(02) 8123 4567');
  await profile.getByTestId('profile-phone-label').last().selectOption('home');
  await profile.getByTestId('profile-save').click();
  await expect(profile).toHaveCount(0);
  await expect(card(page)).toContainText('+63281234567');
  await expect(page.getByTestId('sync-pending')).not.toHaveAttribute('data-count', '0');

  await stack.restart();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 60_000 });
  const second = await agentConsole(browser, AGENT2);
  await openCustomer(second.page, '02 8123 4567', 'Maria Dela Cruz 10');
  await expect(card(second.page)).toContainText('+63281234567');
});
