// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerWithOrders } from '../../../shared/contract/customers';
import type { EscalationView } from '../../../shared/domain/escalation';
import { EscalationDesk } from '../../../renderer/src/features/escalations/EscalationDesk';
import { EscalationQueue } from '../../../renderer/src/features/escalations/EscalationQueue';
import { resetEscalationsStore } from '../../../renderer/src/features/escalations/escalations-store';
import { resetPhoneStore } from '../../../renderer/src/features/phone/phone-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, emit, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const CARD = {
  customer: { id: 'c1', name: 'Lorna Dizon', emails: [], accountNumbers: [], language: null, tags: [], phones: [], addresses: [], version: '3', deleted: false },
  orders: [
    {
      id: 'o1',
      customerId: 'c1',
      number: 'SO-2025-000123',
      status: 'delivered',
      placedAt: '2025-01-10T02:00:00.000Z',
      currency: 'PHP',
      totalMinor: 249_900,
      items: [{ sku: 'FAN-16', name: 'Stand fan 16"', quantity: 1, unitPriceMinor: 249_900 }],
      version: '4',
      deleted: false,
    },
  ],
} as unknown as CustomerWithOrders;

const RAISED = { id: 'e1', action: 'raise', at: new Date().toISOString(), by: { id: 'u-maria', name: 'Maria Santos' }, byLevel: 'representative', from: 'representative', to: 'manager', reason: '', overLimit: false } as const;

function escalation(fields: Partial<EscalationView> = {}): EscalationView {
  return {
    id: 'e1',
    kind: 'escalation',
    customerId: 'c1',
    occurredAt: new Date().toISOString(),
    author: { id: 'u-maria', name: 'Maria Santos' },
    orderId: 'o1',
    text: 'Refund outside the window',
    level: 'manager',
    status: 'open',
    packet: {
      customer: { id: 'c1', name: 'Lorna Dizon', tags: [] },
      order: { id: 'o1', number: 'SO-2025-000123', status: 'delivered', placedAt: '2025-01-10T02:00:00.000Z', currency: 'PHP' },
      item: { sku: 'FAN-16', name: 'Stand fan 16"', quantity: 1, unitPriceMinor: 249_900 },
      reason: 'Refund outside the window',
      request: { text: 'Refund', amountMinor: 120_000, currency: 'PHP' },
      policy: { outcome: 'needs-approval', level: 'manager', ruleIds: ['ph-window-30'] },
      scriptSteps: [],
      triggers: [],
      notes: '',
      callId: null,
      callReference: '0110-K7QX-3MPA',
    },
    trail: [RAISED],
    version: '5',
    deleted: false,
    pendingSync: false,
    ...fields,
  };
}

const decided = (action: 'approve' | 'deny', reason: string): EscalationView =>
  escalation({
    status: 'resolved',
    trail: [RAISED, { ...RAISED, id: 's2', action, by: { id: 'u-jose', name: 'Jose Reyes' }, byLevel: 'manager', from: 'manager', to: 'manager', reason }],
  });

beforeAll(async () => {
  await switchUiLanguage('en');
});

beforeEach(() => {
  resetFakeHost();
  resetEscalationsStore();
  resetPhoneStore();
});

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

describe("the agent's escalation desk", () => {
  it('shows the decision when sync brings it, without anything else being opened', async () => {
    let current = [escalation()];
    reply('escalations.forCustomer', () => success(current));
    const root = await render(<EscalationDesk data={CARD} />);
    const banner = await waitFor(() => root.querySelector('[data-testid="escalation-banner"]'), 'the waiting banner');
    expect(banner.getAttribute('data-outcome')).toBe('waiting');
    expect(banner.textContent).toContain('Waiting for a manager');

    current = [decided('approve', '')];
    await act(async () => emit('customers.changed', { customerIds: ['c1'], all: false }));
    await waitFor(() => root.querySelector('[data-outcome="approved"]'), 'the approval');
    expect(byTestId(root, 'escalation-banner').textContent).toContain('Approved by Jose Reyes (manager): Refund ₱1,200.00');

    current = [decided('deny', 'The 30-day window has passed and the fan works')];
    await act(async () => emit('customers.changed', { customerIds: ['c9'], all: false }));
    expect(root.querySelector('[data-outcome="denied"]')).toBeNull();
    await act(async () => emit('customers.changed', { customerIds: ['c1'], all: false }));
    await waitFor(() => root.querySelector('[data-outcome="denied"]'), 'the denial');
    expect(byTestId(root, 'escalation-reason').textContent).toBe('Tell the customer: The 30-day window has passed and the fan works');
  });

  it('opens the form with Alt+E and sends what the agent typed, the amount in minor units', async () => {
    reply('escalations.forCustomer', success([]));
    reply('escalations.raise', () => success(escalation({ pendingSync: true })));
    const root = await render(<EscalationDesk data={CARD} />);
    await act(async () => window.dispatchEvent(new KeyboardEvent('keydown', { altKey: true, code: 'KeyE', bubbles: true })));
    const form = await waitFor(() => root.querySelector<HTMLFormElement>('[data-testid="escalation-form"]'), 'the form');
    expect(document.activeElement?.tagName).toBe('TEXTAREA');
    const send = byTestId<HTMLButtonElement>(form, 'escalation-send');
    expect(send.disabled).toBe(true);
    const [reason, notes] = form.querySelectorAll('textarea');
    await typeInto(reason!, 'Refund outside the window; the fan rattles');
    await typeInto(form.querySelector('input')!, 'Refund');
    await typeInto(form.querySelectorAll('input')[1]!, '1200');
    await typeInto(notes!, 'Second call this week');
    await click(send);
    await waitFor(() => callsTo('escalations.raise').length > 0, 'the raise');
    expect(callsTo('escalations.raise')[0]).toMatchObject({
      customerId: 'c1',
      reason: 'Refund outside the window; the fan rattles',
      request: { text: 'Refund', amountMinor: 120_000, currency: 'PHP' },
      notes: 'Second call this week',
      callId: null,
      callReference: null,
    });
    await waitFor(() => root.querySelector('[data-testid="escalation-sent"]'), 'the sent note');
  });
});

describe("the supervisor's queue", () => {
  it('shows the packet and does not deny without a reason the agent can read out', async () => {
    let queue = [{ escalation: escalation(), customerName: 'Lorna Dizon' }];
    reply('escalations.queue', () => success({ level: 'manager', items: queue }));
    reply('escalations.decide', () => {
      queue = [];
      return success(decided('deny', 'Outside the window'));
    });
    const root = await render(<EscalationQueue />);
    const row = await waitFor(() => root.querySelector('[data-testid="queue-row"]'), 'the row');
    expect(row.textContent).toContain('Lorna Dizon');
    expect(row.textContent).toContain('Refund ₱1,200.00');
    expect(byTestId(row, 'queue-policy').textContent).toBe('Needs approval');
    await click(byTestId(row, 'queue-open'));
    const packet = byTestId(root, 'escalation-packet');
    expect(byTestId(packet, 'packet-policy').textContent).toContain('Needs approval');
    expect(byTestId(packet, 'packet-call').textContent).toContain('0110-K7QX-3MPA');

    await click(byTestId(root, 'decision-deny'));
    expect(callsTo('escalations.decide')).toEqual([]);
    expect(byTestId(root, 'decision-reason').getAttribute('aria-invalid')).toBe('true');
    await typeInto(byTestId<HTMLTextAreaElement>(root, 'decision-reason'), 'Outside the window');
    await click(byTestId(root, 'decision-deny'));
    await waitFor(() => root.querySelector('[data-testid="decision-saved"]'), 'the saved note');
    expect(callsTo('escalations.decide')).toEqual([{ escalationId: 'e1', decision: 'deny', reason: 'Outside the window', seenLevel: 'manager' }]);
    expect(root.querySelector('[data-testid="queue-row"]')).toBeNull();
  });

  it('reads again when sync brings changes, so a new escalation shows by itself', async () => {
    let queue: unknown[] = [];
    reply('escalations.queue', () => success({ level: 'director', items: queue }));
    const root = await render(<EscalationQueue />);
    await waitFor(() => root.textContent?.includes('Nothing is waiting'), 'the empty queue');
    queue = [{ escalation: escalation({ level: 'director' }), customerName: 'Lorna Dizon' }];
    // Past the gap the queue keeps between reads while a load streams in: this change reads at once.
    const later = Date.now() + 1_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await act(async () => emit('customers.changed', { customerIds: ['c1'], all: false }));
    const row = await waitFor(() => root.querySelector('[data-testid="queue-row"]'), 'the new row');
    expect(row.getAttribute('data-level')).toBe('director');
    // A director has nobody above: no raise button.
    await click(byTestId(row, 'queue-open'));
    expect(root.querySelector('[data-testid="decision-raise"]')).toBeNull();
  });
});
