// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerWithOrders } from '../../../shared/contract/customers';
import type { InteractionView } from '../../../shared/domain/interaction';
import { CustomerPane } from '../../../renderer/src/features/customers/CustomerPane';
import { resetCustomersStore, useCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { catalogs, switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { flatten } from './support/catalog-keys';
import { byTestId, choose, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, failure, reply, resetFakeHost, success } from './support/fake-host';
import { rawTexts } from './support/raw-text';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const CARD: CustomerWithOrders = {
  customer: {
    id: 'c1',
    name: 'Maria Santos',
    emails: [],
    accountNumbers: [],
    language: null,
    tags: [],
    phones: [],
    addresses: [],
    version: '3',
    deleted: false,
  } as unknown as CustomerWithOrders['customer'],
  orders: [
    {
      id: 'o1',
      customerId: 'c1',
      number: 'SO-2025-000123',
      status: 'delivered',
      placedAt: '2025-03-01T02:00:00.000Z',
      currency: 'PHP',
      totalMinor: 179_900,
      items: [
        { sku: 'TV-32', name: 'TV 32 inch', quantity: 1, unitPriceMinor: 129_900 },
        { sku: 'HDMI', name: 'HDMI cable', quantity: 2, unitPriceMinor: 25_000 },
      ],
      version: '4',
      deleted: false,
    },
  ],
};

let timeline: InteractionView[] = [];

const envelope = { customerId: 'c1', occurredAt: '2025-03-02T09:30:00.000Z', author: { id: 'u1', name: 'Rhea' }, version: '0', deleted: false as const, pendingSync: true };

async function openMaria(): Promise<HTMLElement> {
  reply('customers.get', success(CARD));
  reply('customers.history', () => success({ items: timeline, next: null }));
  const root = await render(<CustomerPane />);
  await act(async () => useCustomersStore.getState().select('c1'));
  await waitFor(() => root.querySelector('[data-testid="customer-card"]'), 'the card');
  return root;
}

const itemButton = (root: HTMLElement, sku: string, kind: string): HTMLButtonElement =>
  byTestId(root.querySelector<HTMLElement>(`[data-testid="order-item"][data-sku="${sku}"]`)!, `item-${kind}`);

beforeEach(async () => {
  resetFakeHost();
  resetCustomersStore();
  timeline = [];
  await switchUiLanguage('en');
});
afterEach(cleanup);

describe('opening a complaint during the call', () => {
  it('takes the category, description, real issue and outcome, saves them and shows the complaint on the history', async () => {
    const root = await openMaria();
    await click(byTestId(root, 'open-complaint'));
    const form = byTestId(root, 'complaint-form');
    const category = byTestId<HTMLSelectElement>(form, 'complaint-category');
    expect(document.activeElement).toBe(category);
    expect(form.getAttribute('aria-labelledby')).toBeTruthy();
    const save = byTestId<HTMLButtonElement>(form, 'case-save');
    expect(save.disabled).toBe(true);

    await choose(category, 'delivery');
    await typeInto(byTestId(form, 'complaint-description'), 'Dumating na basag ang TV');
    await typeInto(byTestId(form, 'complaint-real-issue'), 'Needs a TV before the fiesta');
    await typeInto(byTestId(form, 'complaint-outcome'), 'Replacement this week');
    await choose(byTestId(form, 'complaint-order'), 'o1');
    expect(save.disabled).toBe(false);

    const saved: InteractionView = {
      ...envelope,
      id: 'k1',
      kind: 'complaint',
      orderId: 'o1',
      text: 'Dumating na basag ang TV',
      status: 'open',
      category: 'delivery',
      realIssue: 'Needs a TV before the fiesta',
      desiredOutcome: 'Replacement this week',
    };
    reply('cases.open', () => {
      timeline = [saved];
      return success(saved);
    });
    await click(save);
    expect(callsTo('cases.open')).toEqual([
      {
        kind: 'complaint',
        customerId: 'c1',
        category: 'delivery',
        description: 'Dumating na basag ang TV',
        realIssue: 'Needs a TV before the fiesta',
        desiredOutcome: 'Replacement this week',
        orderId: 'o1',
      },
    ]);
    await waitFor(() => root.querySelector('[data-testid="case-saved"]'), 'the saved notice');
    expect(root.querySelector('[data-testid="complaint-form"]')).toBeNull();
    // The history was read again after the save.
    expect(callsTo('customers.history').length).toBeGreaterThanOrEqual(2);
    const item = byTestId(root, 'timeline-item');
    expect(item.dataset.kind).toBe('complaint');
    expect(byTestId(item, 'timeline-case').textContent).toBe('Delivery Real issue: Needs a TV before the fiesta. Wants: Replacement this week.');
  });

  it('keeps what the agent typed and says why when the save fails; Escape closes the form', async () => {
    const root = await openMaria();
    await click(byTestId(root, 'open-complaint'));
    const form = byTestId(root, 'complaint-form');
    await choose(byTestId(form, 'complaint-category'), 'billing');
    await typeInto(byTestId(form, 'complaint-description'), 'Charged twice');
    reply('cases.open', failure('NOT_FOUND'));
    await click(byTestId(form, 'case-save'));
    await waitFor(() => form.querySelector('[role="alert"]'), 'the error');
    expect(byTestId<HTMLTextAreaElement>(form, 'complaint-description').value).toBe('Charged twice');

    await act(async () => {
      form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('[data-testid="complaint-form"]')).toBeNull();
    expect(document.activeElement).toBe(byTestId(root, 'open-complaint'));
  });
});

describe('a request on an order item', () => {
  it("shows the order's date and status, prices a refund at what was paid, refuses more, and sends the item", async () => {
    const root = await openMaria();
    const button = itemButton(root, 'HDMI', 'refund_request');
    expect(button.getAttribute('aria-label')).toBe('Refund HDMI cable');
    await click(button);
    const form = byTestId(root, 'request-form');
    expect(form.querySelector('h4')?.textContent).toBe('Refund request: HDMI cable');
    const facts = byTestId(form, 'request-order-facts').textContent ?? '';
    expect(facts).toContain('SO-2025-000123');
    expect(facts).toContain('Delivered');
    expect(facts).toContain('2025');
    const amount = byTestId<HTMLInputElement>(form, 'request-amount');
    expect(amount.value).toBe('500.00');
    expect(document.activeElement).toBe(byTestId(form, 'request-reason'));

    await choose(byTestId(form, 'request-reason'), 'defective');
    await typeInto(amount, '600');
    expect(byTestId<HTMLButtonElement>(form, 'case-save').disabled).toBe(true);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    await typeInto(amount, '250,50');
    await typeInto(byTestId(form, 'request-notes'), 'One cable works');

    const saved: InteractionView = {
      ...envelope,
      id: 'k2',
      kind: 'refund_request',
      orderId: 'o1',
      text: 'One cable works',
      reason: 'defective',
      status: 'requested',
      itemSku: 'HDMI',
      amountMinor: 25_050,
      currency: 'PHP',
    };
    reply('cases.open', () => {
      timeline = [saved];
      return success(saved);
    });
    await click(byTestId(form, 'case-save'));
    expect(callsTo('cases.open')).toEqual([
      { kind: 'refund_request', customerId: 'c1', orderId: 'o1', itemSku: 'HDMI', reason: 'defective', notes: 'One cable works', amountMinor: 25_050, currency: 'PHP' },
    ]);
    const detail = await waitFor(() => root.querySelector('[data-testid="timeline-case"]'), 'the request on the history');
    expect(detail.textContent).toContain('HDMI');
    expect(detail.textContent).toContain('Defective');
    expect(byTestId(root, 'timeline-refund-amount').textContent).toContain('250.50');
  });

  it('sends a return with no amount', async () => {
    const root = await openMaria();
    await click(itemButton(root, 'TV-32', 'return_request'));
    const form = byTestId(root, 'request-form');
    expect(form.querySelector('[data-testid="request-amount"]')).toBeNull();
    await choose(byTestId(form, 'request-reason'), 'changed_mind');
    reply('cases.open', failure('UNAVAILABLE'));
    await click(byTestId(form, 'case-save'));
    expect(callsTo('cases.open')).toEqual([
      { kind: 'return_request', customerId: 'c1', orderId: 'o1', itemSku: 'TV-32', reason: 'changed_mind', notes: '' },
    ]);
  });
});

describe('every word of the case forms comes from the catalogs', () => {
  it('with the orders, a request form open and cases on the history', async () => {
    await switchUiLanguage('cimode');
    timeline = [
      { ...envelope, id: 'k1', kind: 'complaint', orderId: null, text: 'x', status: 'open', category: 'service', realIssue: 'y', desiredOutcome: 'z' },
      { ...envelope, id: 'k2', kind: 'exchange_request', orderId: 'o1', text: '', status: 'requested', reason: 'wrong_item', itemSku: 'TV-32' },
    ];
    const root = await openMaria();
    await click(itemButton(root, 'TV-32', 'exchange_request'));
    await click(byTestId(root, 'open-complaint'));
    const keys = new Set(flatten(catalogs.en).keys());
    const data = ['Maria Santos', 'SO-2025-000123', 'TV 32 inch', 'HDMI cable', 'TV-32', 'x', 'y', 'z', 'Rhea'];
    // Dates are Intl's words for the agent's locale, not ours.
    const times = [...root.querySelectorAll('time')].map((time) => time.textContent ?? '');
    expect(rawTexts(root, keys, [...data, ...times])).toEqual([]);
  });
});
