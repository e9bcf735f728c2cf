import { create } from 'zustand';
import type { ContractError } from '../../../../shared/contract';
import type { CaseStatusInput } from '../../../../shared/contract/cases';
import { callHost } from '../../host-call';
import { useCustomersStore } from './customers-store';

/**
 * Moving a case to another status from its timeline entry. The host writes the change and its
 * outbox entry together and announces the customer as changed, so the timeline reads it again;
 * the entry on screen is also replaced at once with the case as the host now holds it.
 */
export interface CaseStatusState {
  /** The case whose change is being saved. */
  saving: string | null;
  /** The last failed change, by case. */
  failed: { id: string; error: ContractError } | null;
  /** Resolves true when the change is saved on this computer (it uploads on its own). */
  setStatus(input: CaseStatusInput): Promise<boolean>;
}

export const caseStatusInitialState = { saving: null as string | null, failed: null as CaseStatusState['failed'] } satisfies Partial<CaseStatusState>;

export const useCaseStatusStore = create<CaseStatusState>()((set, get) => ({
  ...caseStatusInitialState,

  async setStatus(input) {
    if (get().saving !== null) return false;
    set({ saving: input.interactionId, failed: null });
    const result = await callHost('cases.setStatus', input);
    if (!result.ok) {
      set({ saving: null, failed: { id: input.interactionId, error: result.error } });
      return false;
    }
    const view = result.value;
    useCustomersStore.setState((s) => ({ history: s.history.map((item) => (item.id === view.id ? view : item)) }));
    set({ saving: null });
    return true;
  },
}));

export function resetCaseStatusStore(): void {
  useCaseStatusStore.setState(caseStatusInitialState);
}
