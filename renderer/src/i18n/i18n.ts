import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain/user';
import { en } from './catalogs/en';
import { fil } from './catalogs/fil';
import { ptBR } from './catalogs/pt-BR';
import { policyMessages } from '../../../shared/policy/messages';

export const catalogs = { en, fil, 'pt-BR': ptBR } as const satisfies Record<Language, typeof en>;

/**
 * The console's one i18next instance. Catalogs are bundled (three small objects), so it is ready
 * synchronously and the first paint is already in the right words.
 */
export const i18n = createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    // The policy engine's words live with it in shared/policy; merged under `policy` here.
    en: { translation: { ...en, policy: policyMessages.en } },
    fil: { translation: { ...fil, policy: policyMessages.fil } },
    'pt-BR': { translation: { ...ptBR, policy: policyMessages['pt-BR'] } },
  },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // 'pt-BR' is a catalog of its own; never fall back through a bare 'pt' we do not ship.
  load: 'currentOnly',
  // React escapes what it renders; escaping here too would show "&amp;" to the agent.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnEmptyString: false,
});

/**
 * Switches the words on screen and the page's `lang` (screen readers pick their voice from it).
 * 'cimode' makes every lookup return its key: tests use it to prove no text bypasses the catalogs.
 */
export async function switchUiLanguage(language: Language | 'cimode'): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'cimode' ? 'en' : language;
}
