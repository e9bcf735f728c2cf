import type { Language, Role } from './user';

/**
 * Demo accounts created on a fresh embedded server. Printed by `npm start` and listed in the
 * README; tests sign in with them. Never created when the server runs on a configured PostgreSQL.
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
  { username: 'supervisor', password: 'supervisor-demo-2026', displayName: 'Jose Reyes', role: 'supervisor', language: 'en', team: DEMO_TEAM.id },
  { username: 'trainer', password: 'trainer-demo-2026', displayName: 'Ana Lima', role: 'trainer', language: 'en', team: DEMO_TEAM.id },
  { username: 'admin', password: 'admin-demo-2026', displayName: 'Rafael Costa', role: 'admin', language: 'en', team: DEMO_TEAM.id },
];
