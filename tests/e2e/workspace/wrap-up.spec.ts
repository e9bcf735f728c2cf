import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import { expectNoSeriousViolations } from '../support/axe';
import { Baresip } from '../support/phone-baresip';
import { expect, test } from '../support/phone-fixtures';

// A customer from the phone network (baresip through rtpengine) and the floor's usual wrap-up limit.
test.use({ bridgeMedia: true, wrapUpLimitSeconds: 300 });
test.describe.configure({ timeout: 180_000 });

test('after a customer call the agent wraps up; no call rings meanwhile; the call and the callback land on the timeline', async ({ party, sip }) => {
  const known = demoCustomer(7);
  const knownNumber = e164Of(known.dialable[0]!);
  const [alice, customer, stranger] = await Promise.all([
    party('Alice', { tone: 440 }),
    Baresip.start({ kamailio: sip.kamailio, user: knownNumber, tone: 880 }),
    Baresip.start({ kamailio: sip.kamailio, user: '+14155550177', tone: 660 }),
  ]);
  const page = alice.page;
  const agentUri = `sip:${alice.username}@${sip.kamailio.domain}`;
  try {
    await alice.hasCustomer(knownNumber, known.customer.name);
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'available');

    await customer.dial(agentUri);
    await alice.expectLine(1, 'ringing-in');
    await expect(page.getByTestId('customer-card')).toHaveAttribute('data-customer-id', known.customer.id);
    await alice.answer(1);
    await customer.waitForEvent('CALL_ESTABLISHED');
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'on_call');
    await expectNoSeriousViolations(page, 'the workspace during a call');
    let since = customer.mark();
    await customer.hangUp();
    await customer.waitForEvent('CALL_CLOSED', { since });
    await alice.expectLineOver(1);

    // Wrap-up: the form is up and the agent is not rung.
    const wrapUp = page.getByTestId('wrap-up');
    await expect(wrapUp).toBeVisible();
    await expect(wrapUp).toContainText(knownNumber);
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'after_call_work');
    await expectNoSeriousViolations(page, 'the wrap-up form');
    since = stranger.mark();
    await stranger.dial(agentUri);
    const refused = await stranger.waitForEvent('CALL_CLOSED', { since });
    expect(refused.param ?? '').toMatch(/486|Busy/i);
    await expect(alice.line(1)).not.toHaveAttribute('data-state', 'ringing-in');

    // Notes typed survive a reload before the wrap-up is saved.
    await page.getByTestId('wrap-up-notes').fill('Wants the refund status; call back tomorrow');
    await expect(page.getByTestId('wrap-up-draft')).toHaveText('Draft kept on this computer.');
    await page.reload();
    await expect(page.getByTestId('wrap-up-notes')).toHaveValue('Wants the refund status; call back tomorrow');

    await page.getByTestId('wrap-up-filter').fill('callback');
    await page.getByTestId('wrap-up-disposition').selectOption('callback_scheduled');
    await expect(page.getByTestId('wrap-up-follow-up')).toBeChecked();
    await page.getByTestId('wrap-up-follow-up-at').fill('2030-06-02T09:30');
    await page.getByTestId('wrap-up-save').click();
    await expect(wrapUp).toHaveCount(0);
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'available');

    const card = page.getByTestId('customer-card');
    await expect(card).toHaveAttribute('data-customer-id', known.customer.id);
    const call = page.getByTestId('timeline-item').filter({ hasText: 'Wants the refund status' }).and(page.locator('[data-kind="call"]'));
    await expect(call.getByTestId('timeline-disposition')).toHaveText('Callback scheduled');
    await expect(page.locator('[data-kind="callback"]').getByTestId('timeline-callback-due')).toBeVisible();
    // Uploaded: nothing of it is pending once the server has it.
    await expect(call).toHaveAttribute('data-pending', 'false', { timeout: 30_000 });

    // Narrowed to callbacks, the timeline shows only the follow-up.
    await page.getByTestId('history-filter').selectOption('callback');
    await expect(page.getByTestId('timeline-item').first()).toHaveAttribute('data-kind', 'callback');
    await expect(page.locator('[data-testid="timeline-item"]:not([data-kind="callback"])')).toHaveCount(0);
    await page.getByTestId('history-filter').selectOption('');

    // The follow-up is on the agent's callbacks list, for later; made, it leaves the list.
    const owed = page.getByTestId('callback');
    await expect(owed).toHaveCount(1);
    await expect(owed).toHaveAttribute('data-timing', 'later');
    await expect(owed).toContainText(known.customer.name);
    await owed.getByTestId('callback-done').click();
    await expect(page.getByTestId('callbacks')).toHaveCount(0);

    // Available again: the stranger now gets through.
    since = stranger.mark();
    await stranger.dial(agentUri);
    await alice.expectLine(1, 'ringing-in');
    await stranger.hangUp();
    await stranger.waitForEvent('CALL_CLOSED', { since });
    await alice.expectLineOver(1);

    // On a break, calls are turned away again.
    await page.getByTestId('agent-state-select').selectOption('break');
    await expect(page.getByTestId('agent-state')).toHaveAttribute('data-state', 'break');
    since = stranger.mark();
    await stranger.dial(agentUri);
    await stranger.waitForEvent('CALL_CLOSED', { since });
    await expect(alice.line(1)).not.toHaveAttribute('data-state', 'ringing-in');
  } finally {
    await Promise.all([customer.stop(), stranger.stop()]);
  }
});
