import { create } from 'zustand';
import type { ContractError } from '../../../../shared/contract';
import type { Language } from '../../../../shared/domain/user';
import { callHost } from '../../host-call';
import { switchUiLanguage } from '../../i18n/i18n';

export interface SettingsState {
  /** The language on screen. */
  language: Language;
  /** True while a choice is being saved (on this machine, and for the user when signed in). */
  saving: boolean;
  /** The last failed save; the choice still applies on screen. */
  error: ContractError | null;
  /**
   * The person picked a language on the sign-in screen in this visit. Their pick then beats the
   * language stored on the server, so choosing Filipino and signing in does not flip to English.
   */
  pickedBeforeSignIn: boolean;
  /** Shows a language without saving it (the signed-in user's, or this machine's last one). */
  showLanguage(language: Language): Promise<void>;
  /** Asks the host for the last language chosen on this machine and shows it. */
  loadMachineLanguage(): Promise<void>;
  /** The person chose a language: show it at once, then save it. */
  chooseLanguage(language: Language): Promise<void>;
  /** The same, from the sign-in screen: also remembered for the sign-in that follows. */
  pickBeforeSignIn(language: Language): Promise<void>;
  /** After sign-in: the user's stored language wins unless they just picked one here. */
  adoptUserLanguage(userLanguage: Language): Promise<void>;
}

export const settingsInitialState = {
  language: 'en' as Language,
  saving: false,
  error: null,
  pickedBeforeSignIn: false,
} satisfies Partial<SettingsState>;

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  ...settingsInitialState,

  async showLanguage(language) {
    set({ language });
    await switchUiLanguage(language);
  },

  async loadMachineLanguage() {
    const result = await callHost('app.language', {});
    // Without an answer the console stays in the language it has; nothing to tell the agent.
    if (result.ok) await get().showLanguage(result.value);
  },

  async chooseLanguage(language) {
    set({ error: null, saving: true });
    await get().showLanguage(language);
    const result = await callHost('settings.setLanguage', { language });
    set({ saving: false, error: result.ok ? null : result.error });
  },

  async pickBeforeSignIn(language) {
    set({ pickedBeforeSignIn: true });
    await get().chooseLanguage(language);
  },

  async adoptUserLanguage(userLanguage) {
    const { pickedBeforeSignIn, language } = get();
    set({ pickedBeforeSignIn: false });
    if (pickedBeforeSignIn && language !== userLanguage) {
      await get().chooseLanguage(language);
      return;
    }
    await get().showLanguage(userLanguage);
  },
}));

export function resetSettingsStore(): void {
  useSettingsStore.setState(settingsInitialState);
}
