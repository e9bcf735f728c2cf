import { create } from 'zustand';
import type { ContractError } from '../../../../shared/contract';
import type { User } from '../../../../shared/domain/user';
import { callHost } from '../../host-call';
import { host } from '../../host/client';
import { useSettingsStore } from '../settings/settings-store';

/**
 * starting: asking the host who is signed in. signed-out: the sign-in screen. signing-in /
 * signing-out: a request is on its way. signed-in: the workspace.
 */
export type SessionStatus = 'starting' | 'signed-out' | 'signing-in' | 'signed-in' | 'signing-out';

export interface SessionState {
  user: User | null;
  status: SessionStatus;
  /** The last failed session action (restore, sign-in, sign-out), with its contract code. */
  error: ContractError | null;
  /** The session ended without the person signing out here (expired, or signed out elsewhere). */
  ended: boolean;
  /** At start: who is signed in on this machine, and which language to show. */
  restore(): Promise<void>;
  /** Resolves true when signed in. A second call while one is running is ignored. */
  signIn(username: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  clearError(): void;
}

export const sessionInitialState = {
  user: null,
  status: 'starting' as SessionStatus,
  error: null,
  ended: false,
} satisfies Partial<SessionState>;

let stopListening: (() => void) | null = null;

export const useSessionStore = create<SessionState>()((set, get) => {
  // The host tells us when the session changes behind our back: expired on the server, signed
  // out from another window. The screen must follow, or an agent works in a dead session.
  async function onSessionChanged(user: User | null): Promise<void> {
    const { status, user: current } = get();
    // A sign-in or sign-out of our own is settling; its answer is the one to follow.
    if (status === 'signing-in') return;
    if (user) {
      const settings = useSettingsStore.getState();
      if (current?.id !== user.id) await settings.adoptUserLanguage(user.language);
      else if (current.language !== user.language) await settings.showLanguage(user.language);
      set({ user, status: 'signed-in', error: null, ended: false });
      return;
    }
    if (status === 'signed-in') set({ user: null, status: 'signed-out', ended: true });
    else if (status === 'signing-out' || status === 'starting') set({ user: null, status: 'signed-out' });
  }

  function listen(): void {
    stopListening ??= host.on('session.changed', (user) => void onSessionChanged(user));
  }

  return {
    ...sessionInitialState,

    async restore() {
      listen();
      const result = await callHost('session.current', {});
      if (result.ok && result.value) {
        await useSettingsStore.getState().showLanguage(result.value.language);
        set({ user: result.value, status: 'signed-in', error: null });
        return;
      }
      // An unreachable host will not answer the language either; show the sign-in screen and the
      // reason now instead of after a second wait.
      if (result.ok || result.error.code !== 'UNAVAILABLE') await useSettingsStore.getState().loadMachineLanguage();
      // An event may have signed someone in while we asked; it is newer than our answer.
      if (get().status !== 'starting') return;
      set({ user: null, status: 'signed-out', error: result.ok ? null : result.error });
    },

    async signIn(username, password) {
      if (get().status === 'signing-in' || get().status === 'signed-in') return false;
      listen();
      set({ status: 'signing-in', error: null, ended: false });
      const result = await callHost('session.signIn', { username: username.trim(), password });
      if (!result.ok) {
        set({ user: null, status: 'signed-out', error: result.error });
        return false;
      }
      // The language is switched before the workspace shows, so its first words are the right ones.
      await useSettingsStore.getState().adoptUserLanguage(result.value.language);
      set({ user: result.value, status: 'signed-in', error: null });
      return true;
    },

    async signOut() {
      if (get().status !== 'signed-in') return;
      set({ status: 'signing-out', error: null });
      const result = await callHost('session.signOut', {});
      if (!result.ok) {
        // Still signed in on the host: say so rather than show a sign-in screen that lies.
        set({ status: 'signed-in', error: result.error });
        return;
      }
      set({ user: null, status: 'signed-out', error: null, ended: false });
    },

    clearError() {
      set({ error: null });
    },
  };
});

/** For tests and for a full restart of the console: forget the session and stop listening. */
export function resetSessionStore(): void {
  stopListening?.();
  stopListening = null;
  useSessionStore.setState(sessionInitialState);
}
