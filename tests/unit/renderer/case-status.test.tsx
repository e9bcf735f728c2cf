// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InteractionView } from '../../../shared/domain/interaction';
import { HistoryTimeline } from '../../../renderer/src/features/customers/HistoryTimeline';
import { resetCaseStatusStore } from '../../../renderer/src/features/customers/case-status-store';
import { resetCustomersStore, useCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { catalogs, switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { flatten } from './support/catalog-keys';
import { byTestId, choose, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, failure, reply, resetFakeHost, success } from './support/fake-host';
import { rawTexts } from './support/raw-text';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const envelope = { customerId: 'c1', occurredAt: '2025-03-02T09:30:00.000Z', author: { id: 'u1', name: 'Rhea' }, orderId: null, version: '5', deleted: false as const, pendingSync: false };

const complaint: InteractionView = {
  ...envelope,
  id: 'k1',
  kind: 'complaint',
  text: 'TV arrived cracked',
  status: 'in_progress',
  category: 'delivery',
  realIssue: '',
  desiredOutcome: '',
  statusHistory: [
    { id: 'h1', at: '2025-03-03T01:00:00.000Z', by: { id: 'u2', name: 'Joana Souza' }, from: 'open', to: 'in_progress', note: 'Asked the courier for photos' },
  ],
};

const refund: InteractionView = {
  ...envelope,
  id: 'r1',
  kind: 'refund_request',
  text: '',
  reason: 'defective',
  status: 'requested',
  itemSku: 'TV-32',
  amountMinor: 129_900,
  currency: 'PHP',
};

async function showTimeline(items: InteractionView[]): Promise<HTMLElement> {
  useCustomersStore.setState({ selectedId: 'c1', history: items });
  return render(<HistoryTimeline />);
}

const entry = (root: HTMLElement, id: string): HTMLElement => {
  const found = [...root.querySelectorAll<HTMLElement>('[data-testid="timeline-item"]')].find((el) => el.querySelector(`[data-testid="case-status-panel"]`) && el.textContent?.includes(id === 'k1' ? 'TV arrived cracked' : 'TV-32'));
  if (!found) throw new Error(`no timeline entry ${id}`);
  return found;
};

beforeEach(async () => {
  resetFakeHost();
  resetCustomersStore();
  resetCaseStatusStore();
  await switchUiLanguage('en');
});
afterEach(cleanup);

describe('a case’s status on the timeline', () => {
  it('shows the current status, and the history behind a button that says whether it is open', async () => {
    const root = await showTimeline([complaint, refund, { ...envelope, id: 'n1', kind: 'note', text: 'just a note' }]);
    expect(root.querySelectorAll('[data-testid="case-status-panel"]')).toHaveLength(2);
    const item = entry(root, 'k1');
    expect(byTestId(item, 'case-status').textContent).toBe('In progress');
    const toggle = byTestId<HTMLButtonElement>(item, 'case-history-toggle');
    expect(toggle.textContent).toBe('Status history (1)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const region = byTestId(item, 'case-history');
    expect(region.hidden).toBe(true);
    expect(toggle.getAttribute('aria-controls')).toBe(region.id);

    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(region.hidden).toBe(false);
    const change = byTestId(region, 'case-history-entry');
    expect(change.textContent).toContain('Open → In progress');
    expect(change.textContent).toContain('Joana Souza');
    expect(change.textContent).toContain('Asked the courier for photos');

    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);
  });

  it('offers only the statuses of the case’s own kind, other than the current one', async () => {
    const root = await showTimeline([complaint, refund]);
    await click(byTestId(entry(root, 'k1'), 'case-history-toggle'));
    await click(byTestId(entry(root, 'r1'), 'case-history-toggle'));
    const options = (id: string) => [...byTestId<HTMLSelectElement>(entry(root, id), 'case-status-choice').options].map((o) => o.value);
    expect(options('k1')).toEqual(['open', 'resolved', 'closed']);
    expect(options('r1')).toEqual(['approved', 'denied', 'completed', 'cancelled']);
    expect(byTestId(entry(root, 'r1'), 'case-history').textContent).toContain('Nobody has changed the status yet.');
  });

  it('sends the new status with the note and shows the case as the host answers it, pending upload', async () => {
    const root = await showTimeline([complaint]);
    const item = entry(root, 'k1');
    await click(byTestId(item, 'case-history-toggle'));
    await choose(byTestId(item, 'case-status-choice'), 'resolved');
    await typeInto(byTestId(item, 'case-status-note'), 'Replacement delivered');
    const moved: InteractionView = {
      ...complaint,
      status: 'resolved',
      pendingSync: true,
      statusHistory: [
        ...complaint.statusHistory!,
        { id: 'h2', at: '2025-03-04T02:00:00.000Z', by: { id: 'u1', name: 'Rhea' }, from: 'in_progress', to: 'resolved', note: 'Replacement delivered' },
      ],
    } as InteractionView;
    reply('cases.setStatus', success(moved));
    await click(byTestId(item, 'case-status-save'));
    expect(callsTo('cases.setStatus')).toEqual([{ interactionId: 'k1', status: 'resolved', note: 'Replacement delivered' }]);
    await waitFor(() => byTestId(entry(root, 'k1'), 'case-status').textContent === 'Resolved', 'the new status');
    const after = entry(root, 'k1');
    expect(after.dataset.pending).toBe('true');
    expect([...after.querySelectorAll('[data-testid="case-history-entry"]')].map((e) => e.getAttribute('data-to'))).toEqual(['in_progress', 'resolved']);
    // Still open on the history, the note box emptied for the next change.
    expect(byTestId(after, 'case-history-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(byTestId<HTMLTextAreaElement>(after, 'case-status-note').value).toBe('');
  });

  it('keeps the note and says why when the change fails', async () => {
    const root = await showTimeline([complaint]);
    const item = entry(root, 'k1');
    await click(byTestId(item, 'case-history-toggle'));
    await typeInto(byTestId(item, 'case-status-note'), 'Customer called back');
    reply('cases.setStatus', failure('CONFLICT'));
    await click(byTestId(item, 'case-status-save'));
    const alert = await waitFor(() => item.querySelector('[role="alert"]'), 'the failure');
    expect(alert.textContent).toContain("Couldn't change the status.");
    expect(byTestId<HTMLTextAreaElement>(item, 'case-status-note').value).toBe('Customer called back');
    expect(byTestId(item, 'case-status').textContent).toBe('In progress');
  });

  it('says everything through the catalogs', async () => {
    await switchUiLanguage('cimode');
    const root = await showTimeline([complaint, refund]);
    await act(async () => {
      for (const toggle of root.querySelectorAll<HTMLButtonElement>('[data-testid="case-history-toggle"]')) toggle.click();
    });
    // The customer's words, the SKU and the dates (formatted by Intl, not the catalogs) are data.
    const data = ['TV arrived cracked', 'Asked the courier for photos', 'TV-32', '2025'];
    expect(rawTexts(root, new Set(flatten(catalogs.en).keys())).filter((text) => !data.some((d) => text.includes(d)))).toEqual([]);
  });
});
