/**
 * English catalog. It defines the shape every other catalog must match (see `Catalog`), so a key
 * missing in Filipino or Portuguese is a type error before it is a test failure.
 * Write the way a team lead talks to an agent on the floor: short, plain, no jargon we invented.
 */
export const en = {
  app: {
    loading: 'Loading…',
  },
  language: {
    label: 'Language',
    saveFailed: "Couldn't save your language. Try again.",
    // Each language is named in its own words, the same in every catalog, so a person who
    // cannot read the current language still finds theirs.
    names: {
      en: 'English',
      fil: 'Filipino',
      'pt-BR': 'Português (Brasil)',
    },
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in to start your shift.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'Wrong username or password.',
    sessionEnded: 'Your session has ended. Sign in again.',
  },
  errors: {
    UNKNOWN_CALL: 'Something went wrong. Try again.',
    INVALID_INPUT: "Some details aren't right. Check them and try again.",
    UNAUTHENTICATED: 'Your session has ended. Sign in again.',
    FORBIDDEN: "You don't have access to this.",
    NOT_FOUND: "We couldn't find that.",
    CONFLICT: 'Someone else changed this just now. Reload and try again.',
    RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
    UNAVAILABLE: "Can't reach the Kalma server. Check your connection and try again.",
    INTERNAL: 'Something went wrong on our side. Try again.',
  },
  roles: {
    agent: 'Agent',
    supervisor: 'Supervisor',
    trainer: 'Trainer',
    admin: 'Admin',
  },
  workspace: {
    settings: 'Settings',
    noTeam: 'No team yet',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  pane: {
    failed: 'Something went wrong in this panel. Your call is not affected.',
    retry: 'Reload panel',
  },
  agent: {
    heading: 'Calls',
    phone: {
      title: 'Phone',
      soon: 'The phone panel is coming soon: answer, hold and transfer calls right here.',
    },
    customer: {
      title: 'Customer',
      soon: "The customer panel is coming soon: the caller's history shows up here while the phone is still ringing.",
    },
  },
  supervisor: {
    heading: 'Your team',
    soon: "The live team view is coming soon: see who's on a call and who needs help, and listen, whisper or barge from here.",
  },
  trainer: {
    heading: 'Role-play scenarios',
    soon: 'Scenarios are coming soon: build practice calls and score trainees live.',
  },
  admin: {
    heading: 'Users',
    columns: {
      username: 'Username',
      name: 'Name',
      role: 'Role',
    },
    loading: 'Loading users…',
    empty: 'No users yet.',
    disabled: 'Disabled',
    retry: 'Try again',
  },
};

/** The shape of a catalog: same keys as English, every value a string. */
export type Catalog = typeof en;
