import { create } from 'zustand';
import type { PolicyPack } from '../../../../shared/policy/policy-pack';
import { callHost } from '../../host-call';
import { host } from '../../host/client';

/**
 * The floor's returns policy pack, for the request form's live decision. It comes with the guidance
 * content the host keeps in the cache, so the decision works offline; a null pack (none set up
 * yet) leaves the form without a decision rather than guessing one.
 */
interface PolicyState {
  pack: PolicyPack | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  load(): Promise<void>;
  /** Loads once and follows `guidance.changed`; returns the unsubscribe. */
  start(): () => void;
}

export const usePolicyStore = create<PolicyState>((set, get) => ({
  pack: null,
  status: 'idle',

  async load() {
    if (get().status === 'idle') set({ status: 'loading' });
    const result = await callHost('guidance.content', {});
    if (result.ok) set({ pack: result.value.policyPack, status: 'ready' });
    // A failed refresh keeps the pack already loaded: the agent is mid-call.
    else set({ status: get().pack ? 'ready' : 'failed' });
  },

  start() {
    if (get().status === 'idle') void get().load();
    return host.on('guidance.changed', () => void get().load());
  },
}));
