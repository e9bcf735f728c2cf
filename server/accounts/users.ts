import { randomUUID } from 'node:crypto';
import type { AdminUser, CreateUserRequest } from '../../shared/api/auth';
import type { Language, Role, Team, User } from '../../shared/domain/user';
import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION, type Db, type Queryable } from '../db/db';
import { HttpError } from '../http/errors';

/** Columns of `users u` plus the user's teams, as one row per user (no N+1 team lookups). */
export const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.language, u.disabled, u.created_at, u.approval_level,
  COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name, t.id)
            FROM team_members m JOIN teams t ON t.id = m.team_id
            WHERE m.user_id = u.id), '[]'::json) AS teams`;

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  language: Language;
  disabled: boolean;
  created_at: Date;
  /** Migration 011: the escalation level a supervisor decides at; null = by role. */
  approval_level: 'manager' | 'director' | null;
  teams: Team[];
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    language: row.language,
    teams: row.teams.map((t) => ({ id: t.id, name: t.name })),
    ...(row.approval_level ? { approvalLevel: row.approval_level } : {}),
  };
}

export function toAdminUser(row: UserRow): AdminUser {
  return { ...toUser(row), disabled: row.disabled, createdAt: new Date(row.created_at).toISOString() };
}

export async function findUserById(q: Queryable, id: string): Promise<User | null> {
  const { rows } = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export interface LoginCandidate {
  id: string;
  passwordHash: string;
  disabled: boolean;
}

export async function findLoginCandidate(q: Queryable, username: string): Promise<LoginCandidate | null> {
  const { rows } = await q.query<{ id: string; password_hash: string; disabled: boolean }>(
    'SELECT id, password_hash, disabled FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  const row = rows[0];
  return row ? { id: row.id, passwordHash: row.password_hash, disabled: row.disabled } : null;
}

export async function listUsers(q: Queryable): Promise<AdminUser[]> {
  const { rows } = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY lower(u.username)`);
  return rows.map(toAdminUser);
}

export async function countUsers(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]?.n ?? 0;
}

export async function setLanguage(q: Queryable, userId: string, language: Language): Promise<User | null> {
  const { rowCount } = await q.query('UPDATE users SET language = $2 WHERE id = $1', [userId, language]);
  return rowCount === 0 ? null : findUserById(q, userId);
}

export async function ensureTeam(q: Queryable, team: Team): Promise<void> {
  await q.query('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [team.id, team.name]);
}

/**
 * Creates an account with its team memberships in one transaction. A taken username is 409
 * CONFLICT; a team id that does not exist is 400 pointing at that entry of `teamIds`.
 */
export async function createUser(db: Db, input: CreateUserRequest, passwordHash: string): Promise<AdminUser> {
  const teamIds = [...new Set(input.teamIds)];
  const id = randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const found = await tx.query<{ id: string }>('SELECT id FROM teams WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [
        JSON.stringify(teamIds),
      ]);
      const known = new Set(found.rows.map((r) => r.id));
      const unknown = input.teamIds.flatMap((teamId, index) => (known.has(teamId) ? [] : [{ path: `teamIds.${index}`, message: 'No team has this id.' }]));
      if (unknown.length > 0) throw new HttpError(400, 'INVALID_INPUT', `Invalid request: ${unknown[0]?.path}: No team has this id.`, { issues: unknown });
      await tx.query(
        'INSERT INTO users (id, username, display_name, role, language, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, input.username, input.displayName, input.role, input.language, passwordHash],
      );
      for (const teamId of teamIds) {
        await tx.query('INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)', [teamId, id]);
      }
      const { rows } = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
      if (!rows[0]) throw new Error('created user vanished within its own transaction');
      return toAdminUser(rows[0]);
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) {
      throw new HttpError(409, 'CONFLICT', `The username "${input.username}" is taken.`, {
        issues: [{ path: 'username', message: 'This username is taken.' }],
      });
    }
    if (sqlState(error) === FOREIGN_KEY_VIOLATION) {
      // A team deleted between the check and the insert.
      throw new HttpError(400, 'INVALID_INPUT', 'Invalid request: teamIds: a team no longer exists.', {
        issues: [{ path: 'teamIds', message: 'A team no longer exists.' }],
      });
    }
    throw error;
  }
}
