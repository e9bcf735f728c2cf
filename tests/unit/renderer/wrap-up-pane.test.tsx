// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DispositionCode } from '../../../shared/domain/disposition';
import type { PendingWrapUp } from '../../../shared/domain/wrap-up';
import { WrapUpPane } from '../../../renderer/src/features/wrap-up/WrapUpPane';
import { resetWrapUpStore } from '../../../renderer/src/features/wrap-up/wrap-up-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, choose, cleanup, click, render, typeInto, waitFor } from './support/dom';
import { callsTo, emit, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

const disposition = (code: string, en: string, category: string, extra: Partial<DispositionCode> = {}): DispositionCode => ({
  code,
  labels: { en, 'pt-BR': `${en} (pt)` },
  category,
  requiresCallback: false,
  sortOrder: 0,
  ...extra,
});
const DISPOSITIONS = [
  disposition('resolved', 'Resolved', 'resolved'),
  disposition('refund_requested', 'Refund requested', 'request'),
  disposition('callback_scheduled', 'Callback scheduled', 'follow_up', { requiresCallback: true }),
  disposition('no_disposition', 'Wrap-up timed out', 'other'),
];

const pending = (endedSecondsAgo: number): PendingWrapUp => ({
  call: {
    id: 'call-1',
    direction: 'inbound',
    number: '+639171234567',
    remoteUri: 'sip:+639171234567@kalma.local',
    customerId: 'c1',
    line: 1,
    startedAt: new Date(Date.now() - (endedSecondsAgo + 60) * 1000).toISOString(),
    answeredAt: new Date(Date.now() - (endedSecondsAgo + 55) * 1000).toISOString(),
    endedAt: new Date(Date.now() - endedSecondsAgo * 1000).toISOString(),
    endCause: 'hangup-remote',
    transfers: [],
  },
  since: new Date(Date.now() - endedSecondsAgo * 1000).toISOString(),
  rules: { targetSeconds: 60, limitSeconds: 300, defaultDisposition: 'no_disposition' },
});

beforeEach(async () => {
  resetFakeHost();
  resetWrapUpStore();
  reply('dispositions.list', success({ dispositions: DISPOSITIONS, fetchedAt: new Date().toISOString() }));
  await switchUiLanguage('en');
});
afterEach(cleanup);

describe('the wrap-up pane', () => {
  it('shows nothing until a wrap-up is due, then the call, the clock against the target and the codes by group', async () => {
    reply('wrapUp.pending', success(null));
    const root = await render(<WrapUpPane />);
    expect(root.querySelector('[data-testid="wrap-up"]')).toBeNull();

    emit('wrapUp.changed', pending(75));
    const pane = await waitFor(() => root.querySelector<HTMLElement>('[data-testid="wrap-up"]'), 'the wrap-up pane');
    expect(pane.textContent).toContain('+639171234567');
    await waitFor(() => root.querySelectorAll('[data-testid="wrap-up-disposition"] option').length === 4, 'the codes');
    expect([...root.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Resolved', 'Requests', 'Follow-up', 'Other']);
    // 75 s in, the 60 s target is behind: the clock says so.
    expect(byTestId(root, 'wrap-up-clock').dataset.overTarget).toBe('true');
    expect(pane.textContent).toContain('Saved as “Wrap-up timed out” by itself after 05:00.');
  });

  it('filters the codes as the agent types, accents and case aside', async () => {
    reply('wrapUp.pending', success(pending(5)));
    const root = await render(<WrapUpPane />);
    await waitFor(() => root.querySelectorAll('[data-testid="wrap-up-disposition"] option').length === 4, 'the codes');
    await typeInto(byTestId<HTMLInputElement>(root, 'wrap-up-filter'), 'REFUND');
    expect([...root.querySelectorAll('[data-testid="wrap-up-disposition"] option')].map((o) => o.textContent)).toEqual(['Refund requested']);
    expect(byTestId(root, 'wrap-up-clock').dataset.overTarget).toBe('false');
  });

  it('asks for a callback time when the code needs one, and saves the whole wrap-up', async () => {
    reply('wrapUp.pending', success(pending(5)));
    reply('wrapUp.save', success({ next: null }));
    const root = await render(<WrapUpPane />);
    await waitFor(() => root.querySelectorAll('[data-testid="wrap-up-disposition"] option').length === 4, 'the codes');

    await choose(byTestId<HTMLSelectElement>(root, 'wrap-up-disposition'), 'callback_scheduled');
    expect(byTestId<HTMLInputElement>(root, 'wrap-up-follow-up').checked).toBe(true);
    expect(byTestId<HTMLButtonElement>(root, 'wrap-up-save').disabled).toBe(true);
    await typeInto(byTestId<HTMLInputElement>(root, 'wrap-up-follow-up-at'), '2030-03-02T09:30');
    await typeInto(byTestId<HTMLTextAreaElement>(root, 'wrap-up-notes'), 'Call back with the refund status');
    await click(byTestId(root, 'wrap-up-survey'));
    await click(byTestId(root, 'wrap-up-save'));

    expect(callsTo('wrapUp.save')).toEqual([
      {
        callId: 'call-1',
        disposition: 'callback_scheduled',
        notes: 'Call back with the refund status',
        followUpAt: new Date('2030-03-02T09:30').toISOString(),
        surveyRequested: true,
        abusive: false,
      },
    ]);
    await waitFor(() => root.querySelector('[data-testid="wrap-up"]') === null, 'the pane to close');
  });
});
