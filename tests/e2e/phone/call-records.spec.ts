import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import { Baresip } from '../support/phone-baresip';
import { expect, test } from '../support/phone-fixtures';

// A customer calls from the phone network (baresip through rtpengine); the call record and the
// call on the customer's timeline are written on the agent's machine and uploaded like any other
// agent write, so the next agent who opens the customer sees the call.
test.use({ bridgeMedia: true });
test.describe.configure({ timeout: 150_000 });

// An answered call goes on the timeline when it is wrapped up (after-call work, wrap-up.ts); a call
// the agent did not answer goes on at once, which is what this test follows end to end.
test('a call from a customer that rang out lands on their history at once, uploads, and another agent sees it', async ({ party, sip }) => {
  const known = demoCustomer(77);
  const number = e164Of(known.dialable[0]!);
  const [alice, customer] = await Promise.all([party('Alice', { tone: 440 }), Baresip.start({ kamailio: sip.kamailio, user: number, tone: 880 })]);
  try {
    await alice.hasCustomer(number, known.customer.name);
    await customer.dial(`sip:${alice.username}@${sip.kamailio.domain}`);
    await alice.expectLine(1, 'ringing-in');
    await expect(alice.page.getByTestId('customer-card')).toHaveAttribute('data-customer-id', known.customer.id);
    // The demo history ends in mid-2025: whatever is first on the timeline now, the new call goes above it.
    const newest = alice.page.getByTestId('timeline-item').first();
    await expect(newest).toBeVisible();
    const before = await newest.textContent();

    // The customer gives up before Alice answers.
    const since = customer.mark();
    await customer.hangUp();
    await customer.waitForEvent('CALL_CLOSED', { since });
    await alice.expectLineOver(1);

    // On Alice's machine at once, then uploaded (the server's copy replaces the local one).
    await expect(newest).not.toHaveText(before ?? '');
    await expect(newest).toHaveAttribute('data-kind', 'call');
    await expect(newest).toContainText('Alice');
    await expect(newest).toHaveAttribute('data-pending', 'false', { timeout: 30_000 });
    await expect(alice.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    await expect(alice.page.getByTestId('sync-rejected')).toHaveCount(0);

    // Bruno, on another machine, finds the customer and sees Alice's call on top.
    const bruno = await party('Bruno', { tone: 660 });
    await bruno.hasCustomer(number, known.customer.name);
    await bruno.page.getByTestId('customer-search').fill(number);
    await bruno.page.getByTestId('customer-result').filter({ hasText: known.customer.name }).first().click();
    await expect(bruno.page.getByTestId('customer-card')).toHaveAttribute('data-customer-id', known.customer.id);
    const brunosNewest = bruno.page.getByTestId('timeline-item').first();
    await expect(brunosNewest).toHaveAttribute('data-kind', 'call', { timeout: 30_000 });
    await expect(brunosNewest).toContainText('Alice');
  } finally {
    await customer.stop();
  }
});
