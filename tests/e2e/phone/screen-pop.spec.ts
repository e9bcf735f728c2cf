import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import { Baresip } from '../support/phone-baresip';
import { expect, test } from '../support/phone-fixtures';

// Callers from the phone network (baresip through rtpengine). The test server seeds the demo
// customers (KALMA_DEMO_CUSTOMERS=250, tests/fixtures/stack.ts), and the console syncs them into its cache.
test.use({ bridgeMedia: true });
test.describe.configure({ timeout: 150_000 });

test('a call from a customer\'s number shows their name while it rings and opens their card; an unknown number shows "new customer"', async ({
  party,
  sip,
}) => {
  const known = demoCustomer(42);
  const knownNumber = e164Of(known.dialable[0]!);
  const unknownNumber = '+14155550142';
  const [alice, customer, stranger] = await Promise.all([
    party('Alice', { tone: 440 }),
    Baresip.start({ kamailio: sip.kamailio, user: knownNumber, tone: 880 }),
    Baresip.start({ kamailio: sip.kamailio, user: unknownNumber, tone: 660 }),
  ]);
  try {
    await alice.hasCustomer(knownNumber, known.customer.name);
    const agentUri = `sip:${alice.username}@${sip.kamailio.domain}`;

    // A known customer: the name shows on the ringing line, and their card opens.
    await customer.dial(agentUri);
    const line = alice.line(1);
    await expect(line.getByTestId('line-customer')).toHaveAttribute('data-status', 'known');
    await expect(line.getByTestId('line-customer')).toHaveText(known.customer.name);
    await expect(line.getByTestId('line-customer')).toHaveAttribute('data-customer-id', known.customer.id);
    await expect(line).toHaveAttribute('data-state', 'ringing-in');
    await expect(line.getByTestId('line-remote')).toHaveText(knownNumber);
    await expect(alice.page.getByTestId('customer-card')).toHaveAttribute('data-customer-id', known.customer.id);
    await expect(alice.page.getByTestId('customer-card')).toContainText(known.customer.name);

    // The customer gives up before the agent answers: the ring stops and the line ends.
    let since = customer.mark();
    await customer.hangUp();
    await customer.waitForEvent('CALL_CLOSED', { since });
    await alice.expectLineOver(1);

    // A number nobody has: the number and "new customer", no card opened for anyone else.
    await stranger.dial(agentUri);
    await alice.expectLine(1, 'ringing-in');
    await expect(line.getByTestId('line-customer')).toHaveAttribute('data-status', 'unknown');
    await expect(line.getByTestId('line-customer')).toHaveText('New customer');
    await expect(line.getByTestId('line-remote')).toHaveText(unknownNumber);
    await expect(line.getByTestId('line-customer')).not.toContainText(known.customer.name);

    // Answered, the screen-pop stays with the call.
    await alice.answer(1);
    await stranger.waitForEvent('CALL_ESTABLISHED');
    await expect(line.getByTestId('line-customer')).toHaveAttribute('data-status', 'unknown');
    since = stranger.mark();
    await alice.hangUp(1);
    await stranger.waitForEvent('CALL_CLOSED', { since });
  } finally {
    await Promise.all([customer.stop(), stranger.stop()]);
  }
});

test('a call between two agents shows no customer at all', async ({ party }) => {
  const [alice, bruno] = await Promise.all([party('Alice', { tone: 440 }), party('Bruno', { tone: 660 })]);
  await alice.dial(bruno);
  await bruno.expectLine(1, 'ringing-in');
  await expect(bruno.line(1).getByTestId('line-remote')).toHaveText(alice.username);
  await expect(bruno.line(1).getByTestId('line-customer')).toHaveCount(0);
  await alice.hangUp(1);
  await bruno.expectLineOver(1);
});
