import { create } from 'zustand';
import type { RejectedWrite, SyncStatus } from '../../../../shared/contract/sync';
import { callHost } from '../../host-call';
import { host } from '../../host/client';

/**
 * Where sync stands, as the host reports it: reachable or not, how fresh, what is waiting to
 * upload, how far the first load is, and the writes the server refused (with its reasons). The
 * host pushes `sync.status` on every change; this store only listens, and fetches the refused
 * writes when their count changes.
 */

export interface SyncState {
  status: SyncStatus | null;
  rejected: RejectedWrite[];
  /** Subscribes to the host's sync events and reads the current state. Returns the unsubscribe. */
  start(): () => void;
  refresh(): Promise<void>;
  retry(): Promise<void>;
}

export const syncInitialState = {
  status: null as SyncStatus | null,
  rejected: [] as RejectedWrite[],
} satisfies Partial<SyncState>;

export const useSyncStore = create<SyncState>()((set, get) => {
  async function loadRejected(): Promise<void> {
    const result = await callHost('sync.rejected', {});
    if (result.ok) set({ rejected: result.value });
  }

  function apply(status: SyncStatus): void {
    const before = get().status;
    set({ status });
    if (status.rejected !== (before?.rejected ?? 0) || (status.rejected > 0 && get().rejected.length === 0)) void loadRejected();
  }

  return {
    ...syncInitialState,

    start() {
      const stop = host.on('sync.status', (status) => apply(status));
      void get().refresh();
      return stop;
    },

    async refresh() {
      const result = await callHost('sync.status', {});
      if (result.ok) apply(result.value);
    },

    async retry() {
      await callHost('sync.retry', {});
    },
  };
});

export function resetSyncStore(): void {
  useSyncStore.setState(syncInitialState);
}

/** The console is offline when the host tried the server and could not reach it. */
export const isOffline = (status: SyncStatus | null): boolean => status !== null && !status.online && status.problem !== null;
