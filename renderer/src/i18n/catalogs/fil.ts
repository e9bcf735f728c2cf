import type { Catalog } from './en';

/**
 * Filipino as spoken on a Manila BPO floor: Tagalog with the English words agents really use
 * (sign in, call, hold, transfer, team, username). A stiff textbook translation ("Lumagda") would
 * read as foreign to the people using it all day.
 */
export const fil: Catalog = {
  app: {
    loading: 'Naglo-load…',
  },
  language: {
    label: 'Wika',
    saveFailed: 'Hindi na-save ang wika mo. Subukan ulit.',
    names: {
      en: 'English',
      fil: 'Filipino',
      'pt-BR': 'Português (Brasil)',
    },
  },
  signIn: {
    title: 'Mag-sign in',
    intro: 'Mag-sign in para makapagsimula ng shift mo.',
    username: 'Username',
    password: 'Password',
    submit: 'Mag-sign in',
    submitting: 'Nagsa-sign in…',
    wrongCredentials: 'Mali ang username o password.',
    sessionEnded: 'Nag-expire na ang session mo. Mag-sign in ulit.',
  },
  errors: {
    UNKNOWN_CALL: 'May nangyaring mali. Subukan ulit.',
    INVALID_INPUT: 'May mali sa mga detalye. Pakicheck at subukan ulit.',
    UNAUTHENTICATED: 'Nag-expire na ang session mo. Mag-sign in ulit.',
    FORBIDDEN: 'Wala kang access dito.',
    NOT_FOUND: 'Hindi namin ito mahanap.',
    CONFLICT: 'May ibang nag-update nito ngayon lang. I-reload at subukan ulit.',
    RATE_LIMITED: 'Masyado nang maraming attempt. Maghintay muna saglit, tapos subukan ulit.',
    UNAVAILABLE: 'Hindi ma-reach ang Kalma server. I-check ang connection mo at subukan ulit.',
    INTERNAL: 'Nagka-problema sa system namin. Subukan ulit.',
  },
  roles: {
    agent: 'Agent',
    supervisor: 'Supervisor',
    trainer: 'Trainer',
    admin: 'Admin',
  },
  workspace: {
    settings: 'Settings',
    noTeam: 'Wala pang team',
    signOut: 'Mag-sign out',
    signingOut: 'Nagsa-sign out…',
  },
  pane: {
    failed: 'Nagka-problema ang panel na ito. Hindi apektado ang call mo.',
    retry: 'I-reload ang panel',
  },
  agent: {
    heading: 'Mga call',
    phone: {
      title: 'Phone',
      soon: 'Parating na ang phone panel: dito ka na sasagot, magho-hold at magta-transfer ng calls.',
    },
    customer: {
      title: 'Customer',
      soon: 'Parating na rin ang customer panel: lalabas dito ang history ng caller habang nagri-ring pa lang.',
    },
  },
  supervisor: {
    heading: 'Team mo',
    soon: 'Parating na ang live view ng team mo: makikita mo kung sino ang naka-call at sino ang kailangan ng tulong, at dito ka na rin makakapag-listen, whisper o barge.',
  },
  trainer: {
    heading: 'Mga role-play scenario',
    soon: 'Parating na ang mga scenario: dito ka gagawa ng practice calls at magbibigay ng score sa trainees habang live.',
  },
  admin: {
    heading: 'Mga user',
    columns: {
      username: 'Username',
      name: 'Pangalan',
      role: 'Role',
    },
    loading: 'Nilo-load ang mga user…',
    empty: 'Wala pang user.',
    disabled: 'Naka-disable',
    retry: 'Subukan ulit',
  },
};
