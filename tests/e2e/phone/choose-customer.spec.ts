import { randomUUID } from 'node:crypto';
import { API_SYNC, PushResponse } from '../../../shared/api/sync';
import type { CustomerPhone } from '../../../shared/domain/customer';
import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import AxeBuilder from '@axe-core/playwright';
import { Baresip } from '../support/phone-baresip';
import { expect, test } from '../support/phone-fixtures';
import type { Party } from '../support/phone-party';
import type { Page } from '@playwright/test';

// A customer from the phone network (baresip through rtpengine) and the floor's usual wrap-up limit.
test.use({ bridgeMedia: true, wrapUpLimitSeconds: 300 });
test.describe.configure({ timeout: 180_000 });

// Ligaya's home line is also her daughter Jessa's: the server learns it the way an agent's edit
// reaches it (a pushed customer.update), and every console pulls it like any other change.
const ligaya = demoCustomer(211);
const jessa = demoCustomer(212);
const HOME_LINE = e164Of(ligaya.dialable[1]!);
const NOTES = 'Jessa called from the home line about her own order';

async function shareTheHomeLine(serverUrl: string, token: string): Promise<void> {
  const phones = [...(jessa.customer.phones as CustomerPhone[]), { number: HOME_LINE, label: 'home' as const }];
  const response = await fetch(`${serverUrl}${API_SYNC.push}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      mutations: [{ id: randomUUID(), kind: 'customer.update', payload: { customerId: jessa.customer.id, baseVersion: 0, changes: { phones } } }],
    }),
  });
  expect(response.status).toBe(200);
  const { results } = PushResponse.parse(await response.json());
  expect(results.map((r) => r.status)).toEqual(['applied']);
}

/**
 * axe-core (WCAG 2.1 A/AA) over what this spec is about, the line card and the wrap-up: the
 * customer panel beside them has its own scans. Serious or critical violations fail.
 */
async function expectAccessible(page: Page, where: string, ...selectors: string[]): Promise<void> {
  let scan = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of selectors) scan = scan.include(selector);
  const results = await scan.analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility of ${where}`).toEqual([]);
  expect(results.passes.length, `axe checked ${where}`).toBeGreaterThan(5);
}

/** Opens a customer's card from the panel's search box, by name. */
async function openCustomer(agent: Party, name: string, id: string): Promise<void> {
  const page = agent.page;
  await page.getByTestId('customer-search').fill(name);
  await page.locator(`[data-testid="customer-result"][data-customer-id="${id}"]`).click();
  await expect(page.getByTestId('customer-card')).toHaveAttribute('data-customer-id', id);
}

test('a number two customers share: the line offers both, the agent picks one, corrects it in wrap-up, and the call lands on that customer only', async ({
  party,
  sip,
}) => {
  await shareTheHomeLine(sip.server.url, sip.adminToken);
  const [alice, caller] = await Promise.all([party('Alice', { tone: 440 }), Baresip.start({ kamailio: sip.kamailio, user: HOME_LINE, tone: 880 })]);
  const page = alice.page;
  try {
    await alice.hasCustomer(HOME_LINE, jessa.customer.name);
    await alice.hasCustomer(HOME_LINE, ligaya.customer.name);

    // Ringing: the caller ID names both; the first (by name) shows, marked as a guess.
    await caller.dial(`sip:${alice.username}@${sip.kamailio.domain}`);
    const line = alice.line(1);
    const shown = line.getByTestId('line-customer');
    await expect(shown).toHaveAttribute('data-customer-id', jessa.customer.id);
    await expect(shown).toHaveAttribute('data-guess', 'true');
    await expect(line.getByTestId('line-customer-guess')).toHaveText('Not confirmed: ask who is calling');
    const choices = line.getByTestId('line-choices');
    await expect(choices).toContainText('2 customers share this number');
    await expect(choices.getByTestId('line-choice')).toHaveText([
      `${jessa.customer.name}Account ${jessa.customer.accountNumbers![0]}`,
      `${ligaya.customer.name}Account ${ligaya.customer.accountNumbers![0]}`,
    ]);
    await expect(line).toHaveAttribute('data-state', 'ringing-in');
    await expectAccessible(page, 'a ringing line offering two customers', '[data-testid="pane-phone"]');

    // The caller says she is Ligaya: the agent arrows to her in the radio group.
    await choices.getByRole('radio', { name: new RegExp(jessa.customer.name) }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(choices.getByRole('radio', { name: new RegExp(ligaya.customer.name) })).toBeChecked();
    await expect(shown).toHaveAttribute('data-customer-id', ligaya.customer.id);
    await expect(shown).toHaveAttribute('data-guess', 'false');
    await expect(page.getByTestId('customer-card')).toHaveAttribute('data-customer-id', ligaya.customer.id);

    await alice.answer(1);
    await caller.waitForEvent('CALL_ESTABLISHED');
    const since = caller.mark();
    await caller.hangUp();
    await caller.waitForEvent('CALL_CLOSED', { since });
    await alice.expectLineOver(1);

    // Wrap-up: the call is Ligaya's, as chosen on the line.
    const wrapUp = page.getByTestId('wrap-up');
    const who = wrapUp.getByTestId('wrap-up-customer');
    await expect(who).toHaveAttribute('data-customer-id', ligaya.customer.id);
    await expect(who).toContainText(`Customer: ${ligaya.customer.name}`);

    // It was Jessa after all: found with the customer search, then linked from the wrap-up.
    await wrapUp.getByTestId('wrap-up-change-customer').click();
    await expectAccessible(page, 'the wrap-up with the link panel open', '[data-testid="wrap-up"]', '[data-testid="pane-phone"]');
    await wrapUp.getByTestId('link-find').click();
    await expect(page.getByTestId('customer-search')).toBeFocused();
    await openCustomer(alice, 'Jessa Anonuevo', jessa.customer.id);
    await wrapUp.getByTestId('link-open-customer').click();
    await expect(who).toHaveAttribute('data-customer-id', jessa.customer.id);
    await expect(who).toContainText(`Customer: ${jessa.customer.name}`);

    // The link is kept by the host: a reload during wrap-up keeps it.
    await page.reload();
    await expect(page.getByTestId('wrap-up-customer')).toHaveAttribute('data-customer-id', jessa.customer.id);
    await expect(page.getByTestId('wrap-up-customer')).toContainText(`Customer: ${jessa.customer.name}`);

    await page.getByTestId('wrap-up-disposition').selectOption('order_status');
    await page.getByTestId('wrap-up-notes').fill(NOTES);
    await page.getByTestId('wrap-up-save').click();
    await expect(page.getByTestId('wrap-up')).toHaveCount(0);

    // On Jessa's timeline, uploaded; not on Ligaya's.
    await expect(page.getByTestId('customer-card')).toHaveAttribute('data-customer-id', jessa.customer.id);
    const onJessa = page.locator('[data-testid="timeline-item"][data-kind="call"]').filter({ hasText: NOTES });
    await expect(onJessa).toHaveCount(1);
    await expect(onJessa).toHaveAttribute('data-pending', 'false', { timeout: 30_000 });

    await openCustomer(alice, ligaya.customer.name, ligaya.customer.id);
    // Her history has read (her own items, or none at all), and the call is not among it.
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByTestId('timeline-item').or(history.getByText('No history for this customer yet.')).first()).toBeVisible();
    await expect(history.getByTestId('timeline-item').filter({ hasText: NOTES })).toHaveCount(0);
  } finally {
    await caller.stop();
  }
});

test('a number nobody has: "New customer" on the ringing line opens the form with the number, and the call goes to the customer created', async ({
  party,
  sip,
}) => {
  const stranger = `+1415555${String(Date.now()).slice(-4)}`;
  const [alice, caller] = await Promise.all([party('Alice', { tone: 440 }), Baresip.start({ kamailio: sip.kamailio, user: stranger, tone: 660 })]);
  const page = alice.page;
  try {
    await alice.hasCustomer(e164Of(jessa.dialable[0]!), jessa.customer.name);
    await caller.dial(`sip:${alice.username}@${sip.kamailio.domain}`);
    const line = alice.line(1);
    await expect(line.getByTestId('line-customer')).toHaveAttribute('data-status', 'unknown');
    await line.getByTestId('line-new-customer').click();

    const form = page.getByTestId('new-customer-form');
    await expect(form.getByTestId('profile-phone').first()).toHaveValue(stranger);
    await form.getByTestId('profile-name').fill('Rosario Dimaculangan');
    await form.getByTestId('profile-save').click();
    const card = page.getByTestId('customer-card');
    await expect(card).toContainText('Rosario Dimaculangan');
    const created = await card.getAttribute('data-customer-id');
    await expect(line.getByTestId('line-customer')).toHaveAttribute('data-customer-id', created!);
    await expect(line.getByTestId('line-customer')).toHaveText('Rosario Dimaculangan');

    // The caller gives up before the agent answers: the missed call lands on the new customer.
    const since = caller.mark();
    await caller.hangUp();
    await caller.waitForEvent('CALL_CLOSED', { since });
    await alice.expectLineOver(1);
    await expect(page.locator('[data-testid="timeline-item"][data-kind="call"]')).toHaveCount(1);
  } finally {
    await caller.stop();
  }
});
