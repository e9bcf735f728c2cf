// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallbackDue } from '../../../shared/domain/callback';
import { CallbacksPane } from '../../../renderer/src/features/callbacks/CallbacksPane';
import { resetCallbacksStore } from '../../../renderer/src/features/callbacks/callbacks-store';
import { resetCustomersStore } from '../../../renderer/src/features/customers/customers-store';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, cleanup, click, flush, render, waitFor } from './support/dom';
import { callsTo, emit, reply, resetFakeHost, success } from './support/fake-host';

vi.mock('../../../renderer/src/host/client', async () => ({ host: (await import('./support/fake-host')).fakeHost }));

/** The browser's Notification, as far as the console uses it: what was shown, and the permission prompt. */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static answer: NotificationPermission = 'granted';
  static shown: FakeNotification[] = [];
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = FakeNotification.answer;
    return FakeNotification.answer;
  });
  onclick: (() => void) | null = null;
  readonly body: string;
  readonly tag: string;
  constructor(
    readonly title: string,
    options: NotificationOptions = {},
  ) {
    this.body = options.body ?? '';
    this.tag = options.tag ?? '';
    FakeNotification.shown.push(this);
  }
  close(): void {}
}

const MINUTE = 60_000;

function callback(id: string, customerName: string, dueInMs: number, text = ''): CallbackDue {
  return {
    customerName,
    callback: {
      id,
      customerId: `cust-${id}`,
      kind: 'callback',
      occurredAt: '2025-03-01T02:00:00.000Z',
      author: { id: 'u1', name: 'Rhea' },
      orderId: null,
      text,
      version: '3',
      deleted: false,
      dueAt: new Date(Date.now() + dueInMs).toISOString(),
      phone: '+639171234567',
      status: 'scheduled',
      pendingSync: false,
    },
  };
}

let owed: CallbackDue[] = [];
let rememberedChoice = false;

async function showPane(): Promise<HTMLElement> {
  reply('callbacks.mine', () => success(owed));
  reply('callbacks.notifications', () => success(rememberedChoice));
  reply('callbacks.setNotifications', (input) => {
    rememberedChoice = (input as { enabled: boolean }).enabled;
    return success(rememberedChoice);
  });
  reply('customers.get', success({ customer: { id: 'x' }, orders: [] }));
  const root = await render(<CallbacksPane />);
  await waitFor(() => root.querySelector('[data-testid="callback"]'), 'the callbacks list');
  return root;
}

const titles = (): string[] => FakeNotification.shown.map((n) => n.title);

beforeEach(async () => {
  resetFakeHost();
  resetCallbacksStore();
  resetCustomersStore();
  sessionStorage.clear();
  FakeNotification.permission = 'default';
  FakeNotification.answer = 'granted';
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockClear();
  vi.stubGlobal('Notification', FakeNotification);
  owed = [];
  rememberedChoice = false;
  await switchUiLanguage('en');
});
afterEach(async () => {
  await cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a desktop notification when a callback is due', () => {
  it('asks once when the agent turns "Notify me" on, remembers it, and notifies each due callback once', async () => {
    owed = [callback('cb1', 'Maria Santos', 5 * MINUTE, 'Refund status'), callback('cb2', 'João Silva', 3 * 60 * MINUTE)];
    const root = await showPane();
    expect(FakeNotification.shown).toEqual([]);
    const toggle = byTestId<HTMLInputElement>(root, 'callbacks-notify');
    expect(toggle.checked).toBe(false);

    await click(toggle);
    await waitFor(() => FakeNotification.shown.length > 0, 'a notification');
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(callsTo('callbacks.setNotifications')).toEqual([{ enabled: true }]);
    expect(toggle.checked).toBe(true);
    expect(titles()).toEqual(['Callback due: Maria Santos']);
    expect(FakeNotification.shown[0]!.body).toContain('Refund status');

    // Sync reads the list again: nothing is notified twice.
    await act(async () => emit('customers.changed', { customerIds: [], all: true }));
    await flush();
    expect(titles()).toEqual(['Callback due: Maria Santos']);
  });

  it('notifies a callback when it turns due, not before', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    rememberedChoice = true;
    FakeNotification.permission = 'granted';
    owed = [callback('cb1', 'Maria Santos', 20 * MINUTE)];
    await showPane();
    await flush();
    expect(FakeNotification.shown).toEqual([]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(4 * MINUTE);
    });
    expect(FakeNotification.shown).toEqual([]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2 * MINUTE);
    });
    expect(titles()).toEqual(['Callback due: Maria Santos']);
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
  });

  it('clicking the notification brings the callback forward, selected, with its customer opened', async () => {
    rememberedChoice = true;
    FakeNotification.permission = 'granted';
    owed = [callback('cb0', 'Ana Reyes', 2 * 60 * MINUTE), callback('cb1', 'Maria Santos', -20 * MINUTE)];
    const root = await showPane();
    await waitFor(() => FakeNotification.shown.length === 1, 'the overdue callback notified');
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {});
    await act(async () => FakeNotification.shown[0]!.onclick?.());
    const item = root.querySelector<HTMLElement>('[data-testid="callback"][data-id="cb1"]')!;
    expect(item.dataset.selected).toBe('true');
    expect(item.getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(item);
    expect(focus).toHaveBeenCalled();
    expect(callsTo('customers.get')).toEqual([{ id: 'cust-cb1' }]);
    expect(root.querySelector('[data-testid="callback"][data-id="cb0"]')!.getAttribute('data-selected')).toBe('false');
  });

  it('after a reload of the page, does not notify again what it already did', async () => {
    rememberedChoice = true;
    FakeNotification.permission = 'granted';
    owed = [callback('cb1', 'Maria Santos', 1 * MINUTE)];
    await showPane();
    await waitFor(() => FakeNotification.shown.length === 1, 'the notification');
    await cleanup();
    resetCallbacksStore();
    await showPane();
    await flush();
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('with notifications blocked, keeps the switch off, says so, and still marks the callback due', async () => {
    FakeNotification.answer = 'denied';
    owed = [callback('cb1', 'Maria Santos', 1 * MINUTE)];
    const root = await showPane();
    await click(byTestId(root, 'callbacks-notify'));
    await waitFor(() => byTestId(root, 'callbacks-notify-note').textContent?.includes('blocked'), 'the blocked note');
    expect(byTestId<HTMLInputElement>(root, 'callbacks-notify').checked).toBe(false);
    expect(callsTo('callbacks.setNotifications')).toEqual([]);
    expect(FakeNotification.shown).toEqual([]);
    expect(byTestId(root, 'callbacks-due').textContent).toBe('1 callback due now');
  });

  it('turned off, notifies nothing and remembers that', async () => {
    rememberedChoice = true;
    FakeNotification.permission = 'granted';
    owed = [callback('cb1', 'Maria Santos', 60 * MINUTE)];
    const root = await showPane();
    const toggle = byTestId<HTMLInputElement>(root, 'callbacks-notify');
    await waitFor(() => toggle.checked, 'the remembered choice');
    await click(toggle);
    expect(toggle.checked).toBe(false);
    expect(callsTo('callbacks.setNotifications')).toEqual([{ enabled: false }]);
    owed = [...owed, callback('cb2', 'João Silva', 1 * MINUTE)];
    await act(async () => emit('customers.changed', { customerIds: [], all: true }));
    await flush();
    expect(FakeNotification.shown).toEqual([]);
  });
});
