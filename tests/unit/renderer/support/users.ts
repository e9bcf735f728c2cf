import type { User } from '../../../../shared/domain/user';

const team = { id: 'team-manila-1', name: 'Manila Care 1' };

/** People as the host would describe them; names are theirs, so no catalog covers them. */
export const people = {
  agent: { id: 'u-agent', username: 'maria', displayName: 'Maria Santos', role: 'agent', language: 'fil', teams: [team] },
  supervisor: { id: 'u-sup', username: 'jose', displayName: 'Jose Reyes', role: 'supervisor', language: 'en', teams: [team] },
  trainer: { id: 'u-trainer', username: 'ana', displayName: 'Ana Lima', role: 'trainer', language: 'pt-BR', teams: [] },
  admin: { id: 'u-admin', username: 'rafael', displayName: 'Rafael Costa', role: 'admin', language: 'en', teams: [team] },
} satisfies Record<User['role'], User>;

export const adminList = [
  { ...people.supervisor, disabled: false, createdAt: '2026-01-05T08:00:00.000Z' },
  { ...people.agent, disabled: false, createdAt: '2026-01-05T08:00:00.000Z' },
  { ...people.trainer, disabled: true, createdAt: '2026-01-06T08:00:00.000Z' },
];
