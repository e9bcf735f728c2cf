import { create } from 'zustand';
import type { ErrorCode } from '../../../../shared/contract';
import type { DispositionCode } from '../../../../shared/domain/disposition';
import { recoveryPauseOffer, type PendingWrapUp } from '../../../../shared/domain/wrap-up';
import { callHost } from '../../host-call';
import { host } from '../../host/client';
import type { CallGuidanceLog } from '../../../../shared/guidance/call-log';
import { useAgentStateStore } from '../agent-state/agent-state-store';
import { useCustomersStore } from '../customers/customers-store';
import { useGuidanceStore } from '../guidance/guidance-store';

/**
 * After-call work: the call waiting for its wrap-up (the host announces it when an answered call
 * ends, and again after a restart), the disposition codes to choose from, and the save.
 */
export interface WrapUpForm {
  disposition: string;
  notes: string;
  /** A local date-time from the form (`2025-03-02T09:00`), or empty for no follow-up. */
  followUpAt: string;
  surveyRequested: boolean;
  /** The agent flags the caller as abusive (a recovery pause is offered after). */
  abusive?: boolean;
}

export interface WrapUpState {
  pending: PendingWrapUp | null;
  /** The name of the customer the pending call is linked to (null while it is read, or for nobody). */
  customerName: string | null;
  dispositions: DispositionCode[];
  saving: boolean;
  error: ErrorCode | null;
  start(): () => void;
  loadDispositions(): Promise<void>;
  save(form: WrapUpForm): Promise<boolean>;
}

export const wrapUpInitialState = {
  pending: null as PendingWrapUp | null,
  customerName: null as string | null,
  dispositions: [] as DispositionCode[],
  saving: false,
  error: null as ErrorCode | null,
} satisfies Partial<WrapUpState>;

export const useWrapUpStore = create<WrapUpState>()((set, get) => ({
  ...wrapUpInitialState,

  start() {
    const due = (pending: PendingWrapUp | null) => {
      const customerId = pending?.call.customerId ?? null;
      const sameCustomer = customerId === (get().pending?.call.customerId ?? null);
      set({ pending, error: null, ...(sameCustomer ? {} : { customerName: null }) });
      if (customerId && (!sameCustomer || get().customerName === null)) void nameCustomer(customerId);
      if (!pending) return;
      void get().loadDispositions();
      // The agent wraps up looking at the customer the call was with (after a reload, too).
      const customers = useCustomersStore.getState();
      if (pending.call.customerId && customers.selectedId === null) void customers.select(pending.call.customerId);
    };
    const stop = host.on('wrapUp.changed', due);
    void callHost('wrapUp.pending', {}).then((result) => {
      if (result.ok) due(result.value);
    });
    return stop;
  },

  async loadDispositions() {
    const result = await callHost('dispositions.list', {});
    if (result.ok) set({ dispositions: result.value.dispositions });
  },

  async save(form) {
    const pending = get().pending;
    if (!pending || form.disposition === '') return false;
    set({ saving: true, error: null });
    const followUp = form.followUpAt === '' ? null : new Date(form.followUpAt);
    const result = await callHost('wrapUp.save', {
      callId: pending.call.id,
      disposition: form.disposition,
      notes: form.notes,
      followUpAt: followUp && !Number.isNaN(followUp.getTime()) ? followUp.toISOString() : null,
      surveyRequested: form.surveyRequested,
      abusive: form.abusive ?? false,
      // The guidance log goes on the call record with the wrap-up, so it is kept, synced and coached on.
      ...guidanceFor(pending.call.id),
    });
    if (!result.ok) {
      set({ saving: false, error: result.error.code });
      return false;
    }
    set({ saving: false, pending: result.value.next });
    // An abusive call earns a recovery pause (NR-17 Annex II), offered once the wrap-up is kept.
    const recovery = recoveryPauseOffer(form.abusive ?? false, pending.rules);
    if (recovery !== null) useAgentStateStore.getState().offerRecovery(recovery);
    return true;
  },
}));

function guidanceFor(callId: string): { guidance?: CallGuidanceLog } {
  const log = useGuidanceStore.getState().logFor(callId);
  return log ? { guidance: log } : {};
}

/** Who the call is with, by name, from the cache (the agent may link it to someone else meanwhile). */
async function nameCustomer(customerId: string): Promise<void> {
  const result = await callHost('customers.get', { id: customerId });
  if (result.ok && useWrapUpStore.getState().pending?.call.customerId === customerId) useWrapUpStore.setState({ customerName: result.value.customer.name });
}

export function resetWrapUpStore(): void {
  useWrapUpStore.setState(wrapUpInitialState);
}
