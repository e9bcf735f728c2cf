import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import { Baresip } from '../support/phone-baresip';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/phone-fixtures';

// The whole story in one call: a demo customer rings from the phone network (baresip
// through rtpengine), the agent works the call, wraps it up, and everything is on the customer's
// history after a reload and on another agent's console.
test.use({ bridgeMedia: true, wrapUpLimitSeconds: 300 });
test.describe.configure({ timeout: 240_000 });

function entry(page: Page, kind: string, text: string) {
  return page.locator(`[data-testid="timeline-item"][data-kind="${kind}"]`).filter({ hasText: text });
}

test('a customer calls: the card is up before the answer; note, complaint, disposition and callback reach the history here, after a reload, and on another console', async ({
  party,
  sip,
}) => {
  const known = demoCustomer(31);
  const knownNumber = e164Of(known.dialable[0]!);
  const stamp = Date.now();
  const [alice, bruno, customer] = await Promise.all([
    party('Alice', { tone: 440 }),
    party('Bruno', { tone: 660 }),
    Baresip.start({ kamailio: sip.kamailio, user: knownNumber, tone: 880 }),
  ]);
  const page = alice.page;
  try {
    await alice.hasCustomer(knownNumber, known.customer.name);

    // Ringing: the card is the caller's before the agent picks up.
    await customer.dial(`sip:${alice.username}@${sip.kamailio.domain}`);
    await alice.expectLine(1, 'ringing-in');
    const card = page.getByTestId('customer-card');
    await expect(card).toHaveAttribute('data-customer-id', known.customer.id);
    await expect(card.getByRole('heading', { name: known.customer.name, exact: true })).toBeVisible();
    await alice.answer(1);
    await customer.waitForEvent('CALL_ESTABLISHED');

    // During the call: a note and a complaint.
    const note = `Tumawag tungkol sa delivery ${stamp}`;
    await page.getByTestId('customer-note-input').fill(note);
    await page.getByTestId('customer-note-save').click();
    await expect(page.getByTestId('customer-note-input')).toHaveValue('');
    await page.getByRole('button', { name: 'Open complaint' }).click();
    const complaint = page.getByTestId('complaint-form');
    await complaint.getByLabel('What is it about?').selectOption('delivery');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Third week without the parcel ${stamp}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Needs it before the weekend');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Delivery by Friday or a refund');
    await complaint.getByLabel('What the customer wants').press('Control+Enter');
    await expect(complaint).toHaveCount(0);
    await expect(entry(page, 'complaint', `Third week without the parcel ${stamp}`)).toBeVisible();

    // The customer hangs up; after-call work: a disposition and a callback.
    const since = customer.mark();
    await customer.hangUp();
    await customer.waitForEvent('CALL_CLOSED', { since });
    await alice.expectLineOver(1);
    const wrapUp = page.getByTestId('wrap-up');
    await expect(wrapUp).toBeVisible();
    await page.getByTestId('wrap-up-notes').fill(`Promised a call back on the courier ${stamp}`);
    await page.getByTestId('wrap-up-filter').fill('callback');
    await page.getByTestId('wrap-up-disposition').selectOption('callback_scheduled');
    await expect(page.getByTestId('wrap-up-follow-up')).toBeChecked();
    await page.getByTestId('wrap-up-follow-up-at').fill('2030-06-03T10:00');
    await page.getByTestId('wrap-up-save').click();
    await expect(wrapUp).toHaveCount(0);

    const story = (on: Page) => [
      entry(on, 'note', note),
      entry(on, 'complaint', `Third week without the parcel ${stamp}`),
      entry(on, 'call', `Promised a call back on the courier ${stamp}`),
    ];
    for (const item of story(page)) await expect(item).toHaveAttribute('data-pending', 'false', { timeout: 30_000 });
    await expect(entry(page, 'call', `${stamp}`).getByTestId('timeline-disposition')).toHaveText('Callback scheduled');

    // After a reload: all of it, from this console's cache.
    await page.reload();
    await expect(page.getByTestId('workspace-agent')).toBeVisible();
    await openByName(page, known.customer.name);
    for (const item of story(page)) await expect(item).toBeVisible();
    await expect(page.locator('[data-kind="callback"]').getByTestId('timeline-callback-due').first()).toBeVisible();

    // Another agent's console: the same history, synced through the server.
    await bruno.hasCustomer(knownNumber, known.customer.name);
    await openByName(bruno.page, known.customer.name);
    for (const item of story(bruno.page)) await expect(item).toBeVisible({ timeout: 15_000 });
    await expect(entry(bruno.page, 'call', `${stamp}`).getByTestId('timeline-disposition')).toHaveText('Callback scheduled');
    await expect(bruno.page.locator('[data-kind="callback"]').getByTestId('timeline-callback-due').first()).toBeVisible();
  } finally {
    await customer.stop();
  }
});

async function openByName(page: Page, name: string): Promise<void> {
  const search = page.getByTestId('customer-search');
  await search.fill(name);
  await page.getByTestId('customer-result').filter({ hasText: name }).first().click();
  await expect(page.getByTestId('customer-card').getByRole('heading', { name, exact: true })).toBeVisible();
}
