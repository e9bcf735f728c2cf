import { create } from 'zustand';
import type { CallOutput, ContractError } from '../../../../shared/contract';
import { callHost } from '../../host-call';

export type AdminUser = CallOutput<'admin.listUsers'>[number];

export interface AdminUsersState {
  users: AdminUser[];
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  error: ContractError | null;
  /** Fetches every account from the central server (through the host). */
  load(): Promise<void>;
}

export const adminUsersInitialState = {
  users: [] as AdminUser[],
  status: 'idle' as AdminUsersState['status'],
  error: null,
} satisfies Partial<AdminUsersState>;

export const useAdminUsersStore = create<AdminUsersState>()((set, get) => ({
  ...adminUsersInitialState,

  async load() {
    if (get().status === 'loading') return;
    set({ status: 'loading', error: null });
    const result = await callHost('admin.listUsers', {});
    if (!result.ok) {
      // Keep the list we had: a dropped connection should not blank the screen.
      set({ status: 'failed', error: result.error });
      return;
    }
    const users = [...result.value].sort((a, b) => a.username.localeCompare(b.username));
    set({ users, status: 'loaded', error: null });
  },
}));

export function resetAdminUsersStore(): void {
  useAdminUsersStore.setState(adminUsersInitialState);
}
