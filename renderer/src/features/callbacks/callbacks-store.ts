import { create } from 'zustand';
import type { ErrorCode } from '../../../../shared/contract';
import type { CallbackDue, CallbackOutcome } from '../../../../shared/domain/callback';
import type { FollowUpOutcome } from '../../../../shared/domain/follow-up';
import { callHost } from '../../host-call';
import { host } from '../../host/client';
import { i18n } from '../../i18n/i18n';
import { formatDateTime } from '../../i18n/locale-format';
import { useCustomersStore } from '../customers/customers-store';
import { usePhoneStore } from '../phone/phone-store';
import { useSettingsStore } from '../settings/settings-store';
import { nextTurnsDueAt, timingOf } from './callback-timing';
import { askForNotifications, loadNotified, notificationAccess, saveNotified, showNotice, type NotificationAccess } from './desktop-notifications';

/**
 * The callbacks the agent owes, soonest first, read from the cache and read again whenever
 * customer data changes (a wrap-up that scheduled one, another console of the same agent, a pull).
 * When the agent asked for it, each callback gets one desktop notification as it becomes due;
 * clicking it brings the console forward with that callback selected. The due badge in the list
 * stays either way (notifications refused, or not wanted).
 */
export interface CallbacksState {
  callbacks: CallbackDue[];
  error: ErrorCode | null;
  /** The callback the agent came to from its notification (highlighted in the list). */
  selectedId: string | null;
  /** The agent asked for notifications on this computer (kept in the host's settings). */
  notifyWanted: boolean;
  /** What the browser allows. */
  notifyAccess: NotificationAccess;
  start(): () => void;
  refresh(): Promise<void>;
  /** Opens the customer's card and dials the number the callback was scheduled for. */
  callBack(item: CallbackDue): void;
  /** `outcome`: how a follow-up went, with `done`. */
  settle(id: string, status: CallbackOutcome, outcome?: FollowUpOutcome): Promise<void>;
  /** The "Notify me" switch; asks for the permission when turned on (call it from the click). */
  setNotify(enabled: boolean): Promise<void>;
  /** Highlights a callback and opens its customer's card. */
  select(id: string): void;
}

export const callbacksInitialState = {
  callbacks: [] as CallbackDue[],
  error: null as ErrorCode | null,
  selectedId: null as string | null,
  notifyWanted: false,
  notifyAccess: 'default' as NotificationAccess,
} satisfies Partial<CallbacksState>;

/** setTimeout's longest wait; a callback due later than that is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

let dueTimer: ReturnType<typeof setTimeout> | undefined;
let notified: Set<string> | null = null;

export const useCallbacksStore = create<CallbacksState>()((set, get) => {
  const notifying = (): boolean => get().notifyWanted && get().notifyAccess === 'granted';

  function notice(item: CallbackDue): { title: string; body: string } {
    const time = formatDateTime(item.callback.dueAt, useSettingsStore.getState().language);
    const note = item.callback.text.trim();
    return {
      title: i18n.t('callbackNotifications.title', { name: item.customerName }),
      body: note === '' ? i18n.t('callbackNotifications.body', { time }) : i18n.t('callbackNotifications.bodyWithNote', { time, note }),
    };
  }

  /** Notifies the callbacks that are due and were not notified yet, then waits for the next one. */
  function checkDue(): void {
    clearTimeout(dueTimer);
    dueTimer = undefined;
    if (!notifying()) return;
    const now = Date.now();
    notified ??= loadNotified();
    let changed = false;
    for (const item of get().callbacks) {
      const id = item.callback.id;
      if (timingOf(item, now) === 'later' || notified.has(id)) continue;
      const shown = showNotice({
        ...notice(item),
        tag: `callback-${id}`,
        onClick: () => {
          window.focus();
          get().select(id);
        },
      });
      if (shown) {
        notified.add(id);
        changed = true;
      }
    }
    if (changed) saveNotified(notified);
    const next = nextTurnsDueAt(get().callbacks, now);
    if (next !== null) dueTimer = setTimeout(checkDue, Math.min(MAX_TIMER_MS, next - now + 1));
  }

  return {
    ...callbacksInitialState,

    start() {
      const stop = host.on('customers.changed', () => void get().refresh());
      set({ notifyAccess: notificationAccess() });
      void callHost('callbacks.notifications', {}).then((result) => {
        if (!result.ok) return;
        set({ notifyWanted: result.value, notifyAccess: notificationAccess() });
        checkDue();
      });
      void get().refresh();
      return () => {
        stop();
        clearTimeout(dueTimer);
        dueTimer = undefined;
      };
    },

    async refresh() {
      const result = await callHost('callbacks.mine', {});
      if (!result.ok) return;
      const selectedId = get().selectedId;
      set({
        callbacks: result.value,
        error: null,
        selectedId: selectedId && result.value.some((item) => item.callback.id === selectedId) ? selectedId : null,
      });
      checkDue();
    },

    callBack(item) {
      void useCustomersStore.getState().select(item.callback.customerId);
      if (item.callback.phone) usePhoneStore.getState().dial(item.callback.phone);
    },

    async settle(id, status, outcome) {
      const result = await callHost('callbacks.settle', outcome === undefined ? { id, status } : { id, status, outcome });
      if (!result.ok) {
        set({ error: result.error.code });
        return;
      }
      set({
        callbacks: get().callbacks.filter((item) => item.callback.id !== id),
        error: null,
        selectedId: get().selectedId === id ? null : get().selectedId,
      });
    },

    async setNotify(enabled) {
      if (!enabled) {
        set({ notifyWanted: false });
        checkDue();
        await callHost('callbacks.setNotifications', { enabled: false });
        return;
      }
      const access = await askForNotifications();
      set({ notifyAccess: access, notifyWanted: access === 'granted' });
      if (access !== 'granted') return;
      await callHost('callbacks.setNotifications', { enabled: true });
      checkDue();
    },

    select(id) {
      const item = get().callbacks.find((c) => c.callback.id === id);
      if (!item) return;
      set({ selectedId: id });
      void useCustomersStore.getState().select(item.callback.customerId);
    },
  };
});

export function resetCallbacksStore(): void {
  clearTimeout(dueTimer);
  dueTimer = undefined;
  notified = null;
  useCallbacksStore.setState(callbacksInitialState);
}
