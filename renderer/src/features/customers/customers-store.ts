import { create } from 'zustand';
import type { ContractError } from '../../../../shared/contract';
import type { CaseInput, RequestCaseKind } from '../../../../shared/contract/cases';
import type { CustomersChanged, CustomerWithOrders, HistoryPosition } from '../../../../shared/contract/customers';
import type { CustomerDetail, CustomerHit } from '../../../../shared/domain/customer';
import type { NewCustomer, ProfileChanges } from '../../../../shared/domain/customer-profile';
import type { InteractionKind, InteractionView } from '../../../../shared/domain/interaction';
import { DEFAULT_PHONE_SETTINGS } from '../../../../shared/phone/phone-settings';
import { callHost } from '../../host-call';
import { host } from '../../host/client';

/**
 * The customer panel: search-as-you-type over the host's cache, the chosen customer's card and
 * history, and the note box. Every call answers from the cache, so nothing here waits on the
 * network; when sync brings changes for the open customer, the card and history read again.
 * Other features open a customer with `select(id)` (screen-pop on a ringing call), and the
 * new-customer form with `startNewCustomer(number)` (a caller nobody knows yet).
 */

export const SEARCH_LIMIT = 100;
export const HISTORY_PAGE = 50;
/** While a load streams in, re-run the open search at most this often. */
const REFRESH_GAP_MS = 1_000;

type Status = 'idle' | 'loading' | 'loaded' | 'not-found' | 'failed';

/** The case form on screen: a complaint, or a request on one item of one order. */
export type CaseForm = { kind: 'complaint' } | { kind: RequestCaseKind; orderId: string; itemSku: string };

/**
 * The profile form on screen: a new customer (with the caller's number when it came from a call),
 * or an edit of the open customer. `key` changes with every opening, so a second "new customer"
 * for another caller starts from that caller's number. An edit keeps the customer as the agent
 * saw it when the form opened (`base`): a pull while they type must not make their old values look
 * like changes, nor move the version their edit is based on.
 */
export type ProfileForm =
  | { mode: 'new'; number: string | null; key: number }
  | { mode: 'edit'; customerId: string; base: CustomerDetail; key: number };

export interface CustomersState {
  query: string;
  results: CustomerHit[];
  searchStatus: 'idle' | 'searching' | 'done' | 'failed';
  /** The text the results on screen were found for (the box may already hold more). */
  resultsFor: string;
  /** The result the arrow keys are on. */
  activeIndex: number;
  /** The result list is showing (it folds away once a customer is opened, to give the card room). */
  resultsOpen: boolean;
  selectedId: string | null;
  card: CustomerWithOrders | null;
  cardStatus: Status;
  history: InteractionView[];
  historyNext: HistoryPosition | null;
  /** The kind the timeline shows, or null for everything. */
  historyKind: InteractionKind | null;
  loadingOlder: boolean;
  noteStatus: 'idle' | 'saving' | 'saved' | 'failed';
  noteError: ContractError | null;
  caseForm: CaseForm | null;
  caseStatus: 'idle' | 'saving' | 'saved' | 'failed';
  caseError: ContractError | null;
  profileForm: ProfileForm | null;
  profileStatus: 'idle' | 'saving' | 'saved' | 'failed';
  profileError: ContractError | null;
  /** The region this machine's phone reads local numbers with (phone settings), for the form's checks. */
  phoneRegion: string;
  search(text: string): Promise<void>;
  moveActive(delta: number): void;
  setActive(index: number): void;
  /** Opens the result the arrow keys are on. */
  openActive(): Promise<void>;
  select(id: string): Promise<void>;
  loadOlder(): Promise<void>;
  filterHistory(kind: InteractionKind | null): Promise<void>;
  /** Resolves true when the note is saved (on this computer; it uploads on its own). */
  addNote(text: string): Promise<boolean>;
  startCase(form: CaseForm): void;
  closeCase(): void;
  /** Resolves true when the case is saved (on this computer; it uploads on its own) and the form closed. */
  openCase(input: CaseInput): Promise<boolean>;
  /** Opens the new-customer form, with this number (a caller ID, any format) in it when given. */
  startNewCustomer(number?: string): void;
  /** Opens the open customer's profile for editing. */
  editProfile(): void;
  closeProfile(): void;
  /** Resolves true when the customer is saved (on this computer) and their card is open. */
  createCustomer(input: NewCustomer): Promise<boolean>;
  /** Resolves true when the edit is saved (on this computer) and the form closed. */
  updateProfile(changes: ProfileChanges): Promise<boolean>;
  /** Follows the host's `customers.changed`; returns the unsubscribe. */
  start(): () => void;
}

export const customersInitialState = {
  query: '',
  results: [] as CustomerHit[],
  searchStatus: 'idle' as CustomersState['searchStatus'],
  resultsFor: '',
  activeIndex: -1,
  resultsOpen: false,
  selectedId: null as string | null,
  card: null as CustomerWithOrders | null,
  cardStatus: 'idle' as Status,
  history: [] as InteractionView[],
  historyNext: null as HistoryPosition | null,
  historyKind: null as InteractionKind | null,
  loadingOlder: false,
  noteStatus: 'idle' as CustomersState['noteStatus'],
  noteError: null as ContractError | null,
  caseForm: null as CaseForm | null,
  caseStatus: 'idle' as CustomersState['caseStatus'],
  caseError: null as ContractError | null,
  profileForm: null as ProfileForm | null,
  profileStatus: 'idle' as CustomersState['profileStatus'],
  profileError: null as ContractError | null,
  phoneRegion: DEFAULT_PHONE_SETTINGS.region,
} satisfies Partial<CustomersState>;

// Later answers win: a slow answer for "ma" must not replace the one for "mar".
const kindsOf = (kind: InteractionKind | null) => (kind ? { kinds: [kind] } : {});

let searchSeq = 0;
let cardSeq = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let lastRefresh = 0;
let profileSeq = 0;

export const useCustomersStore = create<CustomersState>()((set, get) => {
  async function loadCustomer(id: string, historyLimit = HISTORY_PAGE): Promise<void> {
    const seq = ++cardSeq;
    const [card, history] = await Promise.all([
      callHost('customers.get', { id }),
      callHost('customers.history', { id, limit: Math.min(200, historyLimit), ...kindsOf(get().historyKind) }),
    ]);
    if (seq !== cardSeq || get().selectedId !== id) return;
    if (!card.ok) {
      set({ cardStatus: card.error.code === 'NOT_FOUND' ? 'not-found' : 'failed', card: null });
      return;
    }
    set({
      card: card.value,
      cardStatus: 'loaded',
      history: history.ok ? history.value.items : get().history,
      historyNext: history.ok ? history.value.next : null,
    });
  }

  /** The form checks numbers the way the host will: under this machine's phone region. */
  async function loadRegion(): Promise<void> {
    const settings = await callHost('phone.settings', {});
    if (settings.ok) set({ phoneRegion: settings.value.region });
  }

  function openProfile(form: ProfileForm): void {
    if (get().profileStatus === 'saving') return;
    set({ profileForm: form, profileStatus: 'idle', profileError: null, resultsOpen: false });
    void loadRegion();
  }

  function onChanged(change: CustomersChanged): void {
    const { selectedId, history } = get();
    if (selectedId && (change.all || change.customerIds.includes(selectedId))) {
      void loadCustomer(selectedId, Math.max(HISTORY_PAGE, history.length));
    }
    if (get().query.trim() === '' || refreshTimer) return;
    const wait = Math.max(0, lastRefresh + REFRESH_GAP_MS - Date.now());
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      lastRefresh = Date.now();
      void get().search(get().query);
    }, wait);
  }

  return {
    ...customersInitialState,

    async search(text) {
      const seq = ++searchSeq;
      // A refresh of the same text (sync brought changes) leaves the list as the agent left it.
      if (text !== get().query) set({ query: text, resultsOpen: true });
      if (text.trim() === '') {
        set({ results: [], searchStatus: 'idle', activeIndex: -1, resultsFor: '' });
        return;
      }
      set({ searchStatus: 'searching' });
      const result = await callHost('customers.search', { text, limit: SEARCH_LIMIT });
      if (seq !== searchSeq) return;
      if (!result.ok) {
        set({ searchStatus: 'failed' });
        return;
      }
      const previous = get().results[get().activeIndex]?.id;
      const keep = previous ? result.value.findIndex((hit) => hit.id === previous) : -1;
      set({ results: result.value, resultsFor: text, searchStatus: 'done', activeIndex: keep >= 0 ? keep : result.value.length > 0 ? 0 : -1 });
    },

    moveActive(delta) {
      const { results, activeIndex } = get();
      if (results.length === 0) return;
      if (!get().resultsOpen) return set({ resultsOpen: true });
      set({ activeIndex: Math.max(0, Math.min(results.length - 1, activeIndex + delta)) });
    },

    setActive(index) {
      if (index >= 0 && index < get().results.length) set({ activeIndex: index });
    },

    async openActive() {
      const hit = get().results[get().activeIndex];
      if (hit && get().resultsOpen) await get().select(hit.id);
    },

    async select(id) {
      set({ resultsOpen: false });
      if (get().selectedId !== id) {
        set({
          selectedId: id,
          card: null,
          cardStatus: 'loading',
          history: [],
          historyNext: null,
          historyKind: null,
          noteStatus: 'idle',
          noteError: null,
          caseForm: null,
          caseStatus: 'idle',
          caseError: null,
          // An edit belongs to the customer it was opened on; a new customer being typed stays.
          ...(get().profileForm?.mode === 'edit' ? { profileForm: null, profileError: null } : {}),
          ...(get().profileStatus === 'saving' ? {} : { profileStatus: 'idle' as const }),
        });
      }
      await loadCustomer(id);
    },

    async filterHistory(kind) {
      const { selectedId } = get();
      set({ historyKind: kind });
      if (selectedId) await loadCustomer(selectedId);
    },

    async loadOlder() {
      const { selectedId, historyNext, loadingOlder } = get();
      if (!selectedId || !historyNext || loadingOlder) return;
      set({ loadingOlder: true });
      const result = await callHost('customers.history', { id: selectedId, before: historyNext, limit: HISTORY_PAGE, ...kindsOf(get().historyKind) });
      if (get().selectedId !== selectedId) return;
      if (!result.ok) {
        set({ loadingOlder: false });
        return;
      }
      const known = new Set(get().history.map((item) => item.id));
      set({
        history: [...get().history, ...result.value.items.filter((item) => !known.has(item.id))],
        historyNext: result.value.next,
        loadingOlder: false,
      });
    },

    async addNote(text) {
      const customerId = get().selectedId;
      if (!customerId || get().noteStatus === 'saving') return false;
      set({ noteStatus: 'saving', noteError: null });
      const result = await callHost('notes.add', { customerId, text });
      if (!result.ok) {
        set({ noteStatus: 'failed', noteError: result.error });
        return false;
      }
      if (get().selectedId === customerId && !get().history.some((item) => item.id === result.value.id)) {
        set({ history: [result.value, ...get().history] });
      }
      set({ noteStatus: 'saved' });
      return true;
    },

    startCase(form) {
      if (get().caseStatus !== 'saving') set({ caseForm: form, caseStatus: 'idle', caseError: null });
    },

    closeCase() {
      if (get().caseStatus !== 'saving') set({ caseForm: null, caseError: null });
    },

    async openCase(input) {
      const customerId = get().selectedId;
      if (!customerId || input.customerId !== customerId || get().caseStatus === 'saving') return false;
      set({ caseStatus: 'saving', caseError: null });
      const result = await callHost('cases.open', input);
      if (get().selectedId !== customerId) return false;
      if (!result.ok) {
        set({ caseStatus: 'failed', caseError: result.error });
        return false;
      }
      if (!get().history.some((item) => item.id === result.value.id)) set({ history: [result.value, ...get().history] });
      set({ caseStatus: 'saved', caseForm: null });
      // Reads the timeline again, so it shows the case exactly as the cache now holds it.
      await loadCustomer(customerId, Math.max(HISTORY_PAGE, get().history.length));
      return true;
    },

    startNewCustomer(number) {
      openProfile({ mode: 'new', number: number?.trim() || null, key: ++profileSeq });
    },

    editProfile() {
      const { selectedId, card } = get();
      if (selectedId && card?.customer.id === selectedId) openProfile({ mode: 'edit', customerId: selectedId, base: card.customer, key: ++profileSeq });
    },

    closeProfile() {
      if (get().profileStatus !== 'saving') set({ profileForm: null, profileError: null });
    },

    async createCustomer(input) {
      const form = get().profileForm;
      if (form?.mode !== 'new' || get().profileStatus === 'saving') return false;
      set({ profileStatus: 'saving', profileError: null });
      const result = await callHost('customers.create', input);
      if (get().profileForm !== form) return false;
      if (!result.ok) {
        set({ profileStatus: 'failed', profileError: result.error });
        return false;
      }
      set({ profileForm: null, profileStatus: 'idle' });
      await get().select(result.value.id);
      set({ profileStatus: 'saved' });
      return true;
    },

    async updateProfile(changes) {
      const form = get().profileForm;
      if (form?.mode !== 'edit' || get().profileStatus === 'saving') return false;
      set({ profileStatus: 'saving', profileError: null });
      const result = await callHost('customers.update', { customerId: form.customerId, baseVersion: form.base.version, changes });
      if (get().profileForm !== form) return false;
      if (!result.ok) {
        set({ profileStatus: 'failed', profileError: result.error });
        return false;
      }
      set({ profileForm: null, profileStatus: 'saved' });
      const now = get().card;
      if (get().selectedId === form.customerId && now) set({ card: { ...now, customer: result.value } });
      return true;
    },

    start() {
      return host.on('customers.changed', onChanged);
    },
  };
});

export function resetCustomersStore(): void {
  clearTimeout(refreshTimer);
  refreshTimer = undefined;
  lastRefresh = 0;
  useCustomersStore.setState(customersInitialState);
}
