import { create } from 'zustand';
import type { ServerLink } from '../../../../shared/contract/network';
import { callHost } from '../../host-call';
import { host } from '../../host/client';

/**
 * The facts behind the status bar's network indicator that are not the phone's: the host's
 * measure of its link to the central server (pushed as `network.quality`), and whether this
 * computer has a network at all (the page's online/offline events).
 */
export interface NetworkState {
  server: ServerLink | null;
  browserOnline: boolean;
  /** Follows the host and the page; returns the unsubscribe. */
  start(): () => void;
}

export const networkInitialState = { server: null as ServerLink | null, browserOnline: true } satisfies Partial<NetworkState>;

export const useNetworkStore = create<NetworkState>()((set) => ({
  ...networkInitialState,

  start() {
    const stop = host.on('network.quality', (server) => set({ server }));
    const follow = () => set({ browserOnline: navigator.onLine });
    follow();
    window.addEventListener('online', follow);
    window.addEventListener('offline', follow);
    void callHost('network.quality', {}).then((result) => {
      // An event may have come first with a newer measure.
      if (result.ok) set((s) => (s.server?.measuredAt && (!result.value.measuredAt || s.server.measuredAt > result.value.measuredAt) ? {} : { server: result.value }));
    });
    return () => {
      stop();
      window.removeEventListener('online', follow);
      window.removeEventListener('offline', follow);
    };
  },
}));

export function resetNetworkStore(): void {
  useNetworkStore.setState(networkInitialState);
}
