import type { Page } from '@playwright/test';
import { demoCustomer } from '../../../server/demo-data/generator';
import { e164Of } from '../../../server/demo-data/phones';
import { openConsoleAs } from '../customers/customer-stack';
import { Baresip } from '../support/phone-baresip';
import { expect, test } from '../support/phone-fixtures';

/**
 * The escalation story during a live call: a demo customer rings from the phone network
 * (baresip through rtpengine) about a towel set delivered long before today; the return request
 * says it needs a manager's approval; the agent escalates from the request form, with the packet
 * filled in from it; the supervisor's own console shows it and approves; the agent's console shows
 * the approval while the call is still going, and the escalation is on the customer's timeline.
 */
test.use({ bridgeMedia: true, wrapUpLimitSeconds: 300 });
test.describe.configure({ timeout: 240_000 });

// Demo customer 4 (PH pack): order SO-2025-00000040, a bath towel set delivered on 2025-05-25, more
// than six months before any day this runs, so a defect return is past the window and only a
// manager may grant it (rules ph-defect and ph-defect-warranty-review).
const CUSTOMER = demoCustomer(4);
const ORDER = CUSTOMER.orders.find((o) => o.number === 'SO-2025-00000040')!;
const ITEM = ORDER.items![0]!;

/** A supervisor's machine: a web host and a browser context of its own, signed in. */
function timelineEntry(page: Page, kind: string, text: string) {
  return page.locator(`[data-testid="timeline-item"][data-kind="${kind}"]`).filter({ hasText: text });
}

test('during a call: a return outside the window needs a manager; the agent escalates from the form; the supervisor approves; the agent sees it with the call still on', async ({
  browser,
  party,
  sip,
}) => {
  expect(ORDER.deliveredAt, 'the demo order was delivered').toBeTruthy();
  expect(Date.now() - Date.parse(ORDER.deliveredAt!), 'delivered more than six months ago').toBeGreaterThan(190 * 24 * 3600 * 1000);
  const number = e164Of(CUSTOMER.dialable[0]!);
  const name = CUSTOMER.customer.name;
  const stamp = Date.now();
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  const mark = (what: string) => (timings[what] = Date.now() - t0);

  const [agent, supervisor, customer] = await Promise.all([
    party('Alice', { tone: 440 }),
    openConsoleAs(browser, sip.server.url, 'supervisor'),
    Baresip.start({ kamailio: sip.kamailio, user: number, tone: 880 }),
  ]);
  const page = agent.page;
  try {
    const queue = supervisor.page.getByTestId('escalation-queue');
    await expect(queue).toContainText('You decide as a manager.', { timeout: 30_000 });
    await agent.hasCustomer(number, name);
    mark('consoles ready');

    // The customer calls; the card is theirs; the agent answers.
    await customer.dial(`sip:${agent.username}@${sip.kamailio.domain}`);
    await agent.expectLine(1, 'ringing-in');
    const card = page.getByTestId('customer-card');
    await expect(card).toHaveAttribute('data-customer-id', CUSTOMER.customer.id);
    await agent.answer(1);
    await customer.waitForEvent('CALL_ESTABLISHED');
    const reference = await agent.line(1).getByTestId('line-reference').getAttribute('data-reference');
    expect(reference).toBeTruthy();
    mark('call answered');

    // A return of the towel set, defective: the policy check needs a manager.
    // By number and SKU: the ids are the server's own.
    const orderRow = page.getByTestId('order').filter({ hasText: ORDER.number });
    await orderRow.locator(`[data-testid="order-item"][data-sku="${ITEM.sku}"]`).getByTestId('item-return_request').click();
    const form = page.getByTestId('request-form');
    await form.getByTestId('request-reason').selectOption('defective');
    const result = form.getByTestId('policy-result');
    await expect(result).toHaveAttribute('data-outcome', 'needs-approval');
    await expect(result).toHaveAttribute('data-level', 'manager');
    await expect(result.getByTestId('policy-outcome')).toHaveText("Needs a manager's approval.");
    await expect(result.getByTestId('policy-rules')).toContainText('Decided by:');
    await form.getByTestId('request-notes').fill(`Threads came loose after two washes ${stamp}`);
    mark('policy says manager');

    // Escalate from the form: the escalation opens filled in from the request.
    await result.getByTestId('policy-escalate').click();
    const escalation = page.getByTestId('escalation-form');
    const why = escalation.getByLabel('Why are you escalating?');
    await expect(why).toBeFocused();
    await expect(why).toHaveValue(`Return request: ${ITEM.name} (Defective). The policy check needs a manager's approval.`);
    await expect(escalation.getByLabel('What the customer asks for')).toHaveValue(`Return ${ITEM.name}`);
    await expect(escalation.getByLabel('About an order (optional)').locator('option:checked')).toHaveText(ORDER.number);
    await expect(escalation.getByLabel('Item (optional)')).toHaveValue(ITEM.sku);
    await expect(escalation.getByLabel('Notes for the manager (optional)')).toHaveValue(`Threads came loose after two washes ${stamp}`);
    await expect(escalation.getByTestId('escalation-form-policy')).toContainText('ph-defect-warranty-review');
    await expect(escalation.getByTestId('escalation-call')).toHaveText(`From the call with reference ${reference}`);
    await why.press('End');
    await why.pressSequentially(` Customer since years ${stamp}`);
    await escalation.getByRole('button', { name: 'Send for a decision' }).click();
    await expect(escalation).toHaveCount(0);
    const banner = page.getByTestId('escalation-banner').first();
    await expect(banner).toHaveAttribute('data-outcome', 'waiting');
    await expect(banner).toContainText('Waiting for a manager');
    const id = await banner.getAttribute('data-id');
    mark('escalation sent');

    // The supervisor's queue shows it by itself, with the policy result and the call's reference.
    const row = queue.locator(`[data-testid="queue-row"][data-id="${id}"]`);
    await expect(row).toBeVisible({ timeout: 30_000 });
    mark('in the supervisor queue');
    await expect(row).toContainText(name);
    await expect(row).toContainText(`Return ${ITEM.name}`);
    await row.getByRole('button', { name: 'Open' }).click();
    const packet = supervisor.page.getByTestId('escalation-packet');
    await expect(packet.getByTestId('packet-policy')).toContainText('Needs approval · manager');
    await expect(packet.getByTestId('packet-policy')).toContainText('ph-defect-warranty-review');
    await expect(packet.getByTestId('packet-order')).toContainText(ORDER.number);
    await expect(packet.getByTestId('packet-item')).toContainText(ITEM.name);
    await expect(packet.getByTestId('packet-call')).toContainText(reference!);
    await expect(packet.getByTestId('packet-reason')).toContainText(`Customer since years ${stamp}`);
    await supervisor.page.getByTestId('decision-reason').fill('Replace it under warranty');
    await supervisor.page.getByTestId('decision-approve').click();
    await expect(row).toHaveCount(0);
    mark('approved');

    // The agent's console shows the approval while the call is still on.
    const approved = page.locator(`[data-testid="escalation-banner"][data-id="${id}"]`);
    await expect(approved).toHaveAttribute('data-outcome', 'approved', { timeout: 30_000 });
    mark('approval on the agent console');
    await expect(approved).toContainText(`Approved by Jose Reyes (manager): Return ${ITEM.name}`);
    await expect(approved).toContainText('Replace it under warranty');
    await expect(agent.line(1)).toHaveAttribute('data-state', 'active');
    expect(customer.events.some((e) => e.type === 'CALL_CLOSED'), 'the customer is still on the line').toBe(false);

    // On the customer's timeline, with its trail.
    const onTimeline = timelineEntry(page, 'escalation', `Customer since years ${stamp}`);
    await expect(onTimeline).toBeVisible();
    await expect(onTimeline.getByTestId('escalation-step')).toHaveCount(2);
    await expect(onTimeline.getByTestId('escalation-step').last()).toContainText('Approved by Jose Reyes (manager)');

    // The agent hangs up; the customer's side ends too (BYE reached it).
    const since = customer.mark();
    await agent.hangUp(1);
    await customer.waitForEvent('CALL_CLOSED', { since });
    await agent.expectLineOver(1);
    mark('hung up');
  } finally {
    test.info().annotations.push({ type: 'steps reached (ms since start)', description: JSON.stringify(timings) });
    await customer.stop();
    await supervisor.close();
  }
});
