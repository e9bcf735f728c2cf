import type { Language } from '../domain/user';

/**
 * The one message the Electron shell shows itself, outside the page: "leave while on a call?".
 * The page asks (beforeunload) but Electron shows nothing on its own, so main must; the page's
 * catalogs are out of its reach, hence these few strings here.
 */
export interface LeaveDuringCallText {
  title: string;
  message: string;
  detail: string;
  stay: string;
  leave: string;
}

export const LEAVE_DURING_CALL: Record<Language, LeaveDuringCallText> = {
  en: {
    title: 'Kalma',
    message: 'You are on a call.',
    detail: 'Leaving or reloading now ends the call for the customer.',
    stay: 'Stay on the call',
    leave: 'Leave and end the call',
  },
  fil: {
    title: 'Kalma',
    message: 'May kausap ka pa sa call.',
    detail: 'Kapag umalis o nag-reload ka ngayon, mapuputol ang call ng customer.',
    stay: 'Manatili sa call',
    leave: 'Umalis at tapusin ang call',
  },
  'pt-BR': {
    title: 'Kalma',
    message: 'Você está em uma ligação.',
    detail: 'Sair ou recarregar agora encerra a ligação do cliente.',
    stay: 'Continuar na ligação',
    leave: 'Sair e encerrar a ligação',
  },
};
