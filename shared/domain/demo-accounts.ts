import type { Language, Role } from './user';

/**
 * Demo accounts, created by a server started in demo mode (`KALMA_DEMO=1`) on an empty database:
 * `npm start` does so on its embedded database only. Printed by `npm start`, listed in the README;
 * tests sign in with them.
 */
export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  language: Language;
  team: string;
}

export const DEMO_TEAM = { id: 'team-manila-1', name: 'Manila Care 1' } as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'agent', password: 'agent-demo-2026', displayName: 'Maria Santos', role: 'agent', language: 'en', team: DEMO_TEAM.id },
  // A second agent, so two consoles on one machine can call and transfer to each other.
  { username: 'agent2', password: 'agent2-demo-2026', displayName: 'Joana Souza', role: 'agent', language: 'pt-BR', team: DEMO_TEAM.id },
  { username: 'supervisor', password: 'supervisor-demo-2026', displayName: 'Jose Reyes', role: 'supervisor', language: 'en', team: DEMO_TEAM.id },
  { username: 'trainer', password: 'trainer-demo-2026', displayName: 'Ana Lima', role: 'trainer', language: 'en', team: DEMO_TEAM.id },
  { username: 'admin', password: 'admin-demo-2026', displayName: 'Rafael Costa', role: 'admin', language: 'en', team: DEMO_TEAM.id },
];
