import { create } from 'zustand';
import type { ContractError } from '../../../../shared/contract';
import type { DecisionInput, EscalationRequest, QueueEntry } from '../../../../shared/contract/escalations';
import type { CustomersChanged } from '../../../../shared/contract/customers';
import type { PolicyResult } from '../../../../shared/domain/escalation-packet';
import { outcomeOf, type EscalationView } from '../../../../shared/domain/escalation';
import type { DecisionLevel } from '../../../../shared/domain/escalation-routing';
import { callHost } from '../../host-call';
import { host } from '../../host/client';
import { usePhoneStore } from '../phone/phone-store';
import { callFor } from './escalation-call';

/**
 * Escalations on this console. For the agent: the form that raises one for the customer on screen
 * (the call's id and reference number added from the phone), and that customer's escalations,
 * read again whenever sync brings changes for them, so a decision shows during the call. For a
 * supervisor, manager or admin: the queue of escalations waiting at or below their level, oldest
 * first, read again on every change, one open packet, and the decision on it.
 */

/** Decided escalations stay in the agent's banner for this long (a shift's worth of calls back). */
export const BANNER_KEEP_MS = 8 * 60 * 60 * 1000;
/** While sync streams changes in, read the queue again at most this often. */
const QUEUE_REFRESH_GAP_MS = 500;

type Status = 'idle' | 'saving' | 'saved' | 'failed';

/** What the agent's form gives; the store adds the call. */
export type RaiseFields = Omit<EscalationRequest, 'callId' | 'callReference'>;

/**
 * What the request form fills in when its policy check needs an approval: the order and item, the
 * words the agent would otherwise type, the amount, and the policy result that goes in the packet.
 */
export interface EscalationDraft {
  orderId: string;
  itemSku: string;
  reason: string;
  ask: string;
  amountMinor: number | null;
  currency: string;
  notes: string;
  policy: PolicyResult;
}

export interface EscalationsState {
  // The agent's side.
  formOpen: boolean;
  /** Filled in by the request form; null for a form the agent fills in from scratch. */
  draft: EscalationDraft | null;
  /** Counts opened forms, so a new draft gives a fresh form even while one is open. */
  formSeq: number;
  raiseStatus: Status;
  raiseError: ContractError | null;
  /** The customer whose escalations are watched (the card on screen). */
  customerId: string | null;
  forCustomer: EscalationView[];
  /** What the banner shows of them, as of the last read (bannerItems). */
  banner: EscalationView[];
  // The deciding side.
  queueLevel: DecisionLevel | null;
  queue: QueueEntry[];
  queueStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  /** The escalation whose packet is open. */
  openId: string | null;
  decideStatus: Status;
  decideError: ContractError | null;
  openForm(draft?: EscalationDraft): void;
  closeForm(): void;
  raise(fields: RaiseFields): Promise<boolean>;
  watchCustomer(customerId: string | null): Promise<void>;
  loadQueue(): Promise<void>;
  openPacket(id: string | null): void;
  decide(input: DecisionInput): Promise<boolean>;
  /** Follows the host's `customers.changed`; returns the unsubscribe. */
  start(): () => void;
}

export const escalationsInitialState = {
  formOpen: false,
  draft: null as EscalationDraft | null,
  formSeq: 0,
  raiseStatus: 'idle' as Status,
  raiseError: null as ContractError | null,
  customerId: null as string | null,
  forCustomer: [] as EscalationView[],
  banner: [] as EscalationView[],
  queueLevel: null as DecisionLevel | null,
  queue: [] as QueueEntry[],
  queueStatus: 'idle' as EscalationsState['queueStatus'],
  openId: null as string | null,
  decideStatus: 'idle' as Status,
  decideError: null as ContractError | null,
} satisfies Partial<EscalationsState>;

let watchSeq = 0;
let queueSeq = 0;
let queueWanted = false;
let queueTimer: ReturnType<typeof setTimeout> | undefined;
let lastQueueRead = 0;

/** The escalations the agent's banner shows: still waiting, or decided within the last hours. */
export function bannerItems(items: readonly EscalationView[], now: number): EscalationView[] {
  return items.filter((item) => {
    if (outcomeOf(item) === 'waiting') return true;
    const last = item.trail?.at(-1);
    return last !== undefined && now - Date.parse(last.at) < BANNER_KEEP_MS;
  });
}

export const useEscalationsStore = create<EscalationsState>()((set, get) => {
  function scheduleQueueRead(): void {
    if (!queueWanted || queueTimer) return;
    const wait = Math.max(0, lastQueueRead + QUEUE_REFRESH_GAP_MS - Date.now());
    queueTimer = setTimeout(() => {
      queueTimer = undefined;
      void get().loadQueue();
    }, wait);
  }

  function onChanged(change: CustomersChanged): void {
    const { customerId } = get();
    if (customerId && (change.all || change.customerIds.includes(customerId))) void get().watchCustomer(customerId);
    scheduleQueueRead();
  }

  return {
    ...escalationsInitialState,

    openForm(draft) {
      // Alt+E on an open form leaves what the agent (or the request form) filled in as it is.
      if (!draft && get().formOpen) return;
      if (get().customerId !== null && get().raiseStatus !== 'saving') {
        set({ formOpen: true, draft: draft ?? null, formSeq: get().formSeq + 1, raiseStatus: 'idle', raiseError: null });
      }
    },

    closeForm() {
      if (get().raiseStatus !== 'saving') set({ formOpen: false, draft: null, raiseError: null });
    },

    async raise(fields) {
      const { customerId } = get();
      if (!customerId || fields.customerId !== customerId || get().raiseStatus === 'saving') return false;
      set({ raiseStatus: 'saving', raiseError: null });
      const phone = usePhoneStore.getState();
      const call = callFor(customerId, phone.lines, phone.screenPops);
      const result = await callHost('escalations.raise', { ...fields, callId: call?.callId ?? null, callReference: call?.reference ?? null });
      if (!result.ok) {
        set({ raiseStatus: 'failed', raiseError: result.error });
        return false;
      }
      set({ raiseStatus: 'saved', formOpen: false, draft: null });
      if (get().customerId === customerId) await get().watchCustomer(customerId);
      return true;
    },

    async watchCustomer(customerId) {
      const seq = ++watchSeq;
      if (customerId !== get().customerId) {
        set({ customerId, forCustomer: [], banner: [], formOpen: false, draft: null, raiseStatus: 'idle', raiseError: null });
      }
      if (customerId === null) return;
      const result = await callHost('escalations.forCustomer', { customerId });
      if (seq !== watchSeq || get().customerId !== customerId || !result.ok) return;
      set({ forCustomer: result.value, banner: bannerItems(result.value, Date.now()) });
    },

    async loadQueue() {
      queueWanted = true;
      const seq = ++queueSeq;
      lastQueueRead = Date.now();
      if (get().queueStatus === 'idle') set({ queueStatus: 'loading' });
      const result = await callHost('escalations.queue', {});
      if (seq !== queueSeq) return;
      if (!result.ok) {
        set({ queueStatus: 'failed' });
        return;
      }
      set({ queue: result.value.items, queueLevel: result.value.level, queueStatus: 'loaded' });
    },

    openPacket(id) {
      if (get().decideStatus === 'saving') return;
      set({ openId: id, decideStatus: 'idle', decideError: null });
    },

    async decide(input) {
      if (get().decideStatus === 'saving') return false;
      set({ decideStatus: 'saving', decideError: null });
      const result = await callHost('escalations.decide', input);
      if (!result.ok) {
        set({ decideStatus: 'failed', decideError: result.error });
        // Someone else may have been first: the queue shows where it stands now.
        await get().loadQueue();
        return false;
      }
      set({ decideStatus: 'saved', openId: get().openId === input.escalationId ? null : get().openId });
      await get().loadQueue();
      return true;
    },

    start() {
      return host.on('customers.changed', onChanged);
    },
  };
});

export function resetEscalationsStore(): void {
  clearTimeout(queueTimer);
  queueTimer = undefined;
  queueWanted = false;
  lastQueueRead = 0;
  useEscalationsStore.setState(escalationsInitialState);
}
