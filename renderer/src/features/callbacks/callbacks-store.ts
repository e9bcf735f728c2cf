import { create } from 'zustand';
import type { ErrorCode } from '../../../../shared/contract';
import type { CallbackDue, CallbackOutcome } from '../../../../shared/domain/callback';
import { callHost } from '../../host-call';
import { host } from '../../host/client';
import { useCustomersStore } from '../customers/customers-store';
import { usePhoneStore } from '../phone/phone-store';

/**
 * The callbacks the agent owes, soonest first, read from the cache and read again whenever
 * customer data changes (a wrap-up that scheduled one, another console of the same agent, a pull).
 */
export interface CallbacksState {
  callbacks: CallbackDue[];
  error: ErrorCode | null;
  start(): () => void;
  refresh(): Promise<void>;
  /** Opens the customer's card and dials the number the callback was scheduled for. */
  callBack(item: CallbackDue): void;
  settle(id: string, status: CallbackOutcome): Promise<void>;
}

export const callbacksInitialState = { callbacks: [] as CallbackDue[], error: null as ErrorCode | null } satisfies Partial<CallbacksState>;

export const useCallbacksStore = create<CallbacksState>()((set, get) => ({
  ...callbacksInitialState,

  start() {
    const stop = host.on('customers.changed', () => void get().refresh());
    void get().refresh();
    return stop;
  },

  async refresh() {
    const result = await callHost('callbacks.mine', {});
    if (result.ok) set({ callbacks: result.value, error: null });
  },

  callBack(item) {
    void useCustomersStore.getState().select(item.callback.customerId);
    if (item.callback.phone) usePhoneStore.getState().dial(item.callback.phone);
  },

  async settle(id, status) {
    const result = await callHost('callbacks.settle', { id, status });
    if (!result.ok) {
      set({ error: result.error.code });
      return;
    }
    set({ callbacks: get().callbacks.filter((item) => item.callback.id !== id), error: null });
  },
}));

export function resetCallbacksStore(): void {
  useCallbacksStore.setState(callbacksInitialState);
}
