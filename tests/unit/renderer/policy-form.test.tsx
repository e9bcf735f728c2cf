// @vitest-environment jsdom
import usPack from '../../../resources/policies/us.json';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerWithOrders } from '../../../shared/contract/customers';
import type { InteractionView } from '../../../shared/domain/interaction';
import { PolicyPack } from '../../../shared/policy';
import { CustomerPane } from '../../../renderer/src/features/customers/CustomerPane';
import { resetCustomersStore, useCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { usePolicyStore } from '../../../renderer/src/features/customers/policy-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, waitFor } from './support/dom';
import { callsTo, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const US = PolicyPack.parse(usPack);
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

const CARD: CustomerWithOrders = {
  customer: { id: 'c1', name: 'Jenna Brooks', emails: [], accountNumbers: [], language: null, tags: [], phones: [], addresses: [], version: '3', deleted: false },
  orders: [
    {
      id: 'o1',
      customerId: 'c1',
      number: 'SO-2026-000777',
      status: 'delivered',
      placedAt: daysAgo(45),
      // 40 days: past the 30-day return window, inside the manager's 31–60 day exception.
      deliveredAt: daysAgo(40),
      channel: 'online',
      currency: 'USD',
      totalMinor: 3_500,
      items: [{ sku: 'APP-RC-18', name: 'Rice cooker 1.8L', quantity: 1, unitPriceMinor: 3_500, category: 'appliances' }],
      version: '4',
      deleted: false,
    },
  ],
} as unknown as CustomerWithOrders;

let timeline: InteractionView[] = [];

async function openReturnForm(): Promise<HTMLElement> {
  reply('customers.get', success(CARD));
  reply('customers.history', () => success({ items: timeline, next: null }));
  reply('guidance.content', success({ scripts: [], policyPack: US, thresholds: {}, updatedAt: null }));
  const root = await render(<CustomerPane />);
  await act(async () => useCustomersStore.getState().select('c1'));
  await waitFor(() => root.querySelector('[data-testid="customer-card"]'), 'the card');
  const item = root.querySelector<HTMLElement>('[data-testid="order-item"][data-sku="APP-RC-18"]')!;
  await click(byTestId(item, 'item-return_request'));
  const form = byTestId(root, 'request-form');
  // The US pack asks for the receipt on a change-of-mind return.
  await click(byTestId(form, 'request-proof-receipt'));
  return form;
}

beforeEach(async () => {
  resetFakeHost();
  resetCustomersStore();
  usePolicyStore.setState({ pack: null, status: 'idle' });
  timeline = [];
  await switchUiLanguage('en');
});
afterEach(cleanup);

describe('the request form shows the returns policy live', () => {
  it('says a late change-of-mind return needs a manager, and turns eligible when the item is defective', async () => {
    const form = await openReturnForm();
    expect(byTestId(form, 'request-channel').textContent).toBe('Online');
    await choose(byTestId(form, 'request-reason'), 'changed_mind');
    const panel = await waitFor(() => form.querySelector<HTMLElement>('[data-testid="policy-result"][data-outcome="needs-approval"]'), 'the decision');
    expect(panel.dataset.level).toBe('manager');
    expect(byTestId(panel, 'policy-outcome').textContent).toBe("Needs a manager's approval.");
    expect(byTestId(panel, 'policy-rules').textContent).toContain("Returns 31 to 60 days after delivery: manager's approval");
    expect(byTestId(panel, 'policy-approval').textContent).toContain('manager');

    await choose(byTestId(form, 'request-reason'), 'defective');
    expect(panel.dataset.outcome).toBe('eligible');
    expect(panel.dataset.level).toBeUndefined();
    expect(byTestId(panel, 'policy-outcome').textContent).toBe('Eligible: you can go ahead.');
  });

  it('speaks the policy in the agent language', async () => {
    await switchUiLanguage('pt-BR');
    const form = await openReturnForm();
    await choose(byTestId(form, 'request-reason'), 'changed_mind');
    const panel = await waitFor(() => form.querySelector<HTMLElement>('[data-testid="policy-result"][data-outcome="needs-approval"]'), 'the decision');
    expect(byTestId(panel, 'policy-outcome').textContent).toBe('Precisa da aprovação de um gerente.');
    expect(byTestId(panel, 'policy-rules').textContent).toContain('Devoluções de 31 a 60 dias após a entrega');
  });

  it('keeps the decision on the saved request and shows it on the history', async () => {
    const form = await openReturnForm();
    await choose(byTestId(form, 'request-reason'), 'changed_mind');
    await waitFor(() => form.querySelector('[data-testid="policy-result"][data-outcome="needs-approval"]'), 'the decision');
    const policy = { outcome: 'needs-approval' as const, level: 'manager' as const, ruleIds: ['us-return-30', 'us-return-30-late'] };
    const saved: InteractionView = {
      id: 'r1',
      kind: 'return_request',
      customerId: 'c1',
      occurredAt: new Date().toISOString(),
      author: { id: 'u1', name: 'Rhea' },
      orderId: 'o1',
      text: '',
      reason: 'changed_mind',
      status: 'requested',
      itemSku: 'APP-RC-18',
      policy,
      version: '0',
      deleted: false,
      pendingSync: true,
    };
    reply('cases.open', () => {
      timeline = [saved];
      return success(saved);
    });
    await click(byTestId(form, 'case-save'));
    const sent = callsTo('cases.open')[0] as { policy?: { outcome: string; level?: string; ruleIds: string[] } };
    expect(sent.policy?.outcome).toBe('needs-approval');
    expect(sent.policy?.level).toBe('manager');
    expect(sent.policy?.ruleIds).toContain('us-return-30-late');
    const kept = await waitFor(() => document.querySelector<HTMLElement>('[data-testid="timeline-policy"]'), 'the kept decision');
    expect(kept.dataset.level).toBe('manager');
    expect(kept.textContent).toBe('Policy when saved: needs manager approval');
  });
});
