import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import { Baresip } from '../support/phone-baresip';
import { expect, test } from '../support/phone-fixtures';

// A customer from the phone network (baresip through rtpengine), so the call lands on their timeline.
test.use({ bridgeMedia: true, wrapUpLimitSeconds: 300 });
test.describe.configure({ timeout: 180_000 });

test('the call reason opens its script; after the call the timeline shows the prompt, the ticked item and the abusive flag', async ({ party, sip }) => {
  const known = demoCustomer(11);
  const knownNumber = e164Of(known.dialable[0]!);
  const [alice, customer] = await Promise.all([party('Alice', { tone: 440 }), Baresip.start({ kamailio: sip.kamailio, user: knownNumber, tone: 880 })]);
  const page = alice.page;
  try {
    await alice.hasCustomer(knownNumber, known.customer.name);
    await customer.dial(`sip:${alice.username}@${sip.kamailio.domain}`);
    await alice.expectLine(1, 'ringing-in');
    await alice.answer(1);
    await customer.waitForEvent('CALL_ESTABLISHED');

    // The agent says what the call is about: a refund opens the refund-outside-the-window script.
    const panel = page.getByTestId('guidance-panel');
    await expect(panel).toHaveCount(0);
    await page.getByTestId('guidance-reason').selectOption('refund_initiated');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('data-situation', 'refund-outside-window');
    await expect(panel).toHaveAttribute('data-trigger', 'call-reason');
    await page.getByTestId('guidance-check').first().check();
    await page.getByTestId('guidance-follow').click();
    await expect(panel).toHaveCount(0);

    const since = customer.mark();
    await customer.hangUp();
    await customer.waitForEvent('CALL_CLOSED', { since });
    await alice.expectLineOver(1);

    const wrapUp = page.getByTestId('wrap-up');
    await expect(wrapUp).toBeVisible();
    await page.getByTestId('wrap-up-notes').fill('Refund asked after the window');
    await page.getByTestId('wrap-up-disposition').selectOption('resolved');
    await page.getByTestId('wrap-up-abusive').check();
    await page.getByTestId('wrap-up-save').click();
    await expect(wrapUp).toHaveCount(0);

    const call = page.getByTestId('timeline-item').filter({ hasText: 'Refund asked after the window' }).and(page.locator('[data-kind="call"]'));
    await expect(call.getByTestId('timeline-abusive')).toBeVisible();
    const summary = call.getByTestId('timeline-guidance-summary');
    await expect(summary).toContainText(/Guidance: Refund or return outside the window v\d+ — 1 of \d+ steps, checklist 1\/\d+/);
    await expect(summary).toContainText('prompts: 1 shown, 1 followed, 0 dismissed');
    await call.getByText('Guidance during the call').click();
    const events = call.getByTestId('timeline-guidance-events');
    await expect(events).toContainText('Prompt shown: Refund or return after the window');
    await expect(events).toContainText('Ticked: Found the order and the item');
    await expect(events).toContainText('Prompt followed: Refund or return after the window');
    await expect(call).toHaveAttribute('data-pending', 'false', { timeout: 30_000 });
  } finally {
    await customer.stop();
  }
});
