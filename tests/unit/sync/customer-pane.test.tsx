// @vitest-environment jsdom
import { act } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerWithOrders } from '../../../shared/contract/customers';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { CustomerHit } from '../../../shared/domain/customer';
import type { InteractionView } from '../../../shared/domain/interaction';
import { CustomerPane } from '../../../renderer/src/features/customers/CustomerPane';
import { resetCustomersStore, useCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { OfflineBanner } from '../../../renderer/src/features/sync/OfflineBanner';
import { SyncStatusBar } from '../../../renderer/src/features/sync/SyncStatusBar';
import { resetSyncStore } from '../../../renderer/src/features/sync/sync-store';
import { catalogs, switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { flatten } from '../renderer/support/catalog-keys';
import { byTestId, cleanup, click, render, typeInto, waitFor } from '../renderer/support/dom';
import { callsTo, deferred, emit, reply, resetFakeHost, success } from '../renderer/support/fake-host';
import { rawTexts } from '../renderer/support/raw-text';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('../renderer/support/fake-host')).fakeHost }));

const hit = (id: string, name: string, extra: Partial<CustomerHit> = {}): CustomerHit => ({
  id,
  name,
  tags: [],
  language: 'fil',
  primaryPhone: '+639171234567',
  email: `${id}@example.com`,
  accountNumbers: [`AC-${id}`],
  matchedBy: 'name',
  ...extra,
});

const JOAO: CustomerWithOrders = {
  customer: {
    id: 'c2',
    name: 'João Gonçalves',
    emails: ['joao@example.com.br'],
    accountNumbers: ['AC-2002'],
    language: 'pt-BR',
    tags: ['vip', 'gold-member'],
    phones: [{ number: '(11) 91234-5678', label: 'mobile', e164: '+5511912345678' }],
    addresses: [],
    version: '7',
  },
  orders: [{ id: 'o1', customerId: 'c2', number: 'SO-77', status: 'delivered', placedAt: '2025-03-01T10:00:00.000Z', currency: 'BRL', totalMinor: 1000, items: [], version: '8', deleted: false }],
};

const note = (id: string, text: string, occurredAt: string, pendingSync = false): InteractionView =>
  ({ id, kind: 'note', customerId: 'c2', occurredAt, author: { id: 'u1', name: 'Maria Santos' }, orderId: null, text, version: pendingSync ? '0' : '9', deleted: false, pendingSync }) as InteractionView;

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  online: true,
  lastSyncedAt: '2025-03-01T10:00:00.000Z',
  pending: 0,
  rejected: 0,
  initialLoad: { active: false, applied: 0, remaining: 0, percent: 100 },
  problem: null,
  ...over,
});

const keys = new Set(flatten(catalogs.en).keys());
const PT_BR_IN_ENGLISH = new Intl.DisplayNames(['en-US'], { type: 'language' }).of('pt-BR')!;

// jsdom does no layout; the virtualized list needs its viewport to have a size, as in a browser.
const layout = ['clientHeight', 'clientWidth'] as const;
const original = layout.map((name) => Object.getOwnPropertyDescriptor(Element.prototype, name));
beforeAll(() => {
  for (const name of layout) {
    Object.defineProperty(Element.prototype, name, {
      configurable: true,
      get(this: Element) {
        if (!this.classList.contains('customer-results')) return 0;
        return name === 'clientHeight' ? 336 : 480;
      },
    });
  }
});
afterAll(() => {
  layout.forEach((name, i) => Object.defineProperty(Element.prototype, name, original[i]!));
});

beforeEach(async () => {
  resetFakeHost();
  resetCustomersStore();
  resetSyncStore();
  await switchUiLanguage('en');
});
afterEach(cleanup);

async function keyDown(element: HTMLElement, key: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
  });
}

async function openJoao(): Promise<HTMLElement> {
  reply('customers.search', success([hit('c1', 'Joana Reyes'), hit('c2', 'João Gonçalves', { tags: ['vip'] })]));
  reply('customers.get', success(JOAO));
  reply('customers.history', success({ items: [note('n2', 'wants an exchange', '2025-03-02T10:00:00.000Z'), note('n1', 'first call', '2025-03-01T10:00:00.000Z')], next: null }));
  const root = await render(<CustomerPane />);
  const search = byTestId<HTMLInputElement>(root, 'customer-search');
  await typeInto(search, 'joao');
  await waitFor(() => root.querySelectorAll('[data-testid="customer-result"]').length === 2, 'two results');
  await keyDown(search, 'ArrowDown');
  expect(search.getAttribute('aria-activedescendant')).toBe(root.querySelectorAll('[role="option"]')[1]?.id);
  await keyDown(search, 'Enter');
  await waitFor(() => root.querySelector('[data-testid="customer-card"]'), 'the card');
  return root;
}

describe('the customer panel', () => {
  it('finds a customer as the agent types and opens the card with the keyboard only', async () => {
    const root = await openJoao();
    expect(callsTo('customers.search')).toEqual([{ text: 'joao', limit: 100 }]);
    expect(callsTo('customers.get')).toEqual([{ id: 'c2' }]);
    const card = byTestId(root, 'customer-card');
    expect(card.textContent).toContain('João Gonçalves');
    expect(card.textContent).toContain('VIP');
    expect(card.textContent).toContain('gold-member');
    expect(card.textContent).toContain('(11) 91234-5678');
    expect(card.textContent).toContain('joao@example.com.br');
    expect(card.textContent).toContain('AC-2002');
    // The customer's language, named in the agent's language by the platform (Intl).
    expect(card.textContent).toContain(PT_BR_IN_ENGLISH);
    const items = [...root.querySelectorAll('[data-testid="timeline-item"]')].map((li) => li.textContent);
    expect(items[0]).toContain('wants an exchange');
    expect(items[1]).toContain('first call');
  });

  it('saves a note, shows it at once as not uploaded yet, and clears the box', async () => {
    const root = await openJoao();
    reply('notes.add', success(note('n3', 'customer will send photos', '2025-03-03T10:00:00.000Z', true)));
    const input = byTestId<HTMLTextAreaElement>(root, 'customer-note-input');
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(input, 'customer will send photos');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(byTestId(root, 'customer-note-save'));
    await waitFor(() => root.querySelectorAll('[data-testid="timeline-item"]').length === 3, 'the new note');
    expect(callsTo('notes.add')).toEqual([{ customerId: 'c2', text: 'customer will send photos' }]);
    const first = root.querySelector('[data-testid="timeline-item"]')!;
    expect(first.textContent).toContain('customer will send photos');
    expect(first.querySelector('[data-testid="timeline-pending"]')?.textContent).toBe('Not uploaded yet');
    expect(input.value).toBe('');
  });

  it('keeps the note text when saving fails', async () => {
    const root = await openJoao();
    reply('notes.add', { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    const input = byTestId<HTMLTextAreaElement>(root, 'customer-note-input');
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(input, 'important');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await keyDown(input, 'Enter', { ctrlKey: true });
    await waitFor(() => root.querySelector('[role="alert"]'), 'the error');
    expect(input.value).toBe('important');
  });

  it('reads the open customer again when sync says it changed', async () => {
    const root = await openJoao();
    reply('customers.history', success({ items: [note('n9', 'from the other console', '2025-03-05T10:00:00.000Z'), note('n2', 'wants an exchange', '2025-03-02T10:00:00.000Z')], next: null }));
    await act(async () => emit('customers.changed', { customerIds: ['c2'], all: false }));
    await waitFor(() => root.querySelector('[data-testid="timeline-item"]')?.textContent?.includes('from the other console'), 'the new note');
  });

  it('shows the answer to the last keystroke, not a slower earlier one', async () => {
    const slow = deferred<ReturnType<typeof success<CustomerHit[]>>>();
    reply('customers.search', (input) => ((input as { text: string }).text === 'm' ? slow.promise : success([hit('c1', 'Maria Santos')])));
    const root = await render(<CustomerPane />);
    const search = byTestId<HTMLInputElement>(root, 'customer-search');
    await typeInto(search, 'm');
    await typeInto(search, 'ma');
    await waitFor(() => root.querySelectorAll('[data-testid="customer-result"]').length === 1, 'results for ma');
    await act(async () => slow.resolve(success([hit('c7', 'Mark'), hit('c8', 'Mila')])));
    expect([...root.querySelectorAll('[data-testid="customer-result"]')].map((r) => r.getAttribute('data-customer-id'))).toEqual(['c1']);
    expect(useCustomersStore.getState().query).toBe('ma');
  });

  it('says nothing was found, and that the load is still running when it is', async () => {
    reply('customers.search', success([]));
    reply('sync.status', success(status({ initialLoad: { active: true, applied: 100, remaining: 900, percent: 10 } })));
    const root = await render(
      <>
        <CustomerPane />
        <SyncStatusBar />
      </>,
    );
    await typeInto(byTestId<HTMLInputElement>(root, 'customer-search'), 'zzz');
    await waitFor(() => root.querySelector('.customer-search-note'), 'the empty note');
    expect(root.querySelector('.customer-search-note')?.textContent).toMatch(/still loading/);
  });

  it('uses only catalog words, in every part of the panel', async () => {
    await switchUiLanguage('cimode');
    const root = await openJoao();
    const data = ['João Gonçalves', 'Joana Reyes', 'gold-member', 'wants an exchange', 'first call', 'joao@example.com.br', 'AC-2002', '(11) 91234-5678', 'SO-77'];
    const allowed = [...data, PT_BR_IN_ENGLISH, ...[...root.querySelectorAll('time, .customer-result-contact')].map((e) => e.textContent ?? '')];
    expect(rawTexts(root, keys, allowed)).toEqual([]);
  });
});

describe('the sync line', () => {
  it('shows the first load as a real progress bar with rows and percent, and what waits to upload', async () => {
    reply('sync.status', success(status({ lastSyncedAt: null, pending: 2, initialLoad: { active: true, applied: 12_000, remaining: 36_000, percent: 25 } })));
    const root = await render(<SyncStatusBar />);
    await waitFor(() => root.querySelector('[data-testid="sync-progress"]'), 'the progress bar');
    const bar = byTestId<HTMLProgressElement>(root, 'sync-progress');
    expect(bar.value).toBe(25);
    expect(bar.max).toBe(100);
    expect(byTestId(root, 'sync-status').textContent).toContain('25% · 12,000 of about 48,000');
    expect(byTestId(root, 'sync-pending').textContent).toBe('Waiting to upload: 2');

    await act(async () => emit('sync.status', status({ pending: 0 })));
    expect(root.querySelector('[data-testid="sync-progress"]')).toBeNull();
    expect(byTestId(root, 'sync-pending').textContent).toBe('All changes uploaded');
  });

  it('says when the server is out of reach, with a banner and a way to try now', async () => {
    reply('sync.status', success(status({ online: false, pending: 3, problem: { code: 'UNAVAILABLE', message: 'down' } })));
    reply('sync.retry', success(null));
    const root = await render(
      <>
        <OfflineBanner />
        <SyncStatusBar />
      </>,
    );
    await waitFor(() => root.querySelector('[data-testid="offline-banner"]'), 'the banner');
    expect(byTestId(root, 'sync-status').getAttribute('data-state')).toBe('offline');
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Try now')!);
    expect(callsTo('sync.retry')).toEqual([{}]);
    await act(async () => emit('sync.status', status()));
    expect(root.querySelector('[data-testid="offline-banner"]')).toBeNull();
  });

  it('lists the writes the server refused, with their reasons', async () => {
    reply('sync.status', success(status({ rejected: 1 })));
    reply('sync.rejected', success([{ id: '4b0f6a51-5a57-4e0e-9a43-7f1d0b1f2a01', kind: 'interaction.create', createdAt: '2025-03-01T10:00:00.000Z', reason: 'This customer was deleted on the server.', customerId: 'c2', text: 'asked about the refund' }]));
    const root = await render(<SyncStatusBar />);
    await waitFor(() => root.querySelector('[data-testid="sync-rejected"]'), 'the refused count');
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Show')!);
    const item = await waitFor(() => root.querySelector('[data-testid="sync-rejected-item"]'), 'the refused write');
    expect(item.textContent).toContain('asked about the refund');
    expect(item.textContent).toContain('Reason: This customer was deleted on the server.');
  });
});
