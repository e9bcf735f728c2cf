import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { User } from '../../shared/domain/user';
import { toUser, USER_COLUMNS, type UserRow } from '../accounts/users';
import type { Queryable } from '../db/db';

/**
 * Sessions are opaque random tokens. The client holds the token; the database holds only its
 * SHA-256, so reading the sessions table (a backup, a replica) signs nobody in. A fast hash is
 * enough here because the token has 256 bits of entropy: there is nothing to guess.
 */
const TOKEN_BYTES = 32;
/** 32 bytes in base64url without padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(q: Queryable, userId: string, ttlMs: number): Promise<NewSession> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  // The database clock decides expiry, so instances with drifting clocks agree.
  const { rows } = await q.query<{ expires_at: Date }>(
    `INSERT INTO sessions (id, token_hash, user_id, expires_at)
     VALUES ($1, $2, $3, now() + $4::bigint * interval '1 millisecond')
     RETURNING expires_at`,
    [randomUUID(), hashToken(token), userId, ttlMs],
  );
  const expiresAt = rows[0]?.expires_at;
  if (!expiresAt) throw new Error('session insert returned no row');
  return { token, expiresAt: new Date(expiresAt) };
}

export interface ActiveSession {
  sessionId: string;
  user: User;
}

/** The live session for a token: not expired, not revoked, and its user not disabled. */
export async function findActiveSession(q: Queryable, token: string): Promise<ActiveSession | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const { rows } = await q.query<UserRow & { session_id: string }>(
    `SELECT s.id AS session_id, ${USER_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
    [hashToken(token)],
  );
  const row = rows[0];
  return row ? { sessionId: row.session_id, user: toUser(row) } : null;
}

export async function revokeSession(q: Queryable, sessionId: string): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
}

/**
 * Ended sessions stay for 30 days as a record of who was signed in when, then go, so the table
 * does not grow forever. Cheap enough to run on every sign-in (indexed on expires_at).
 */
export async function pruneEndedSessions(q: Queryable): Promise<void> {
  await q.query(
    "DELETE FROM sessions WHERE expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days'",
  );
}

/** Reads `Authorization: Bearer <token>`; anything else counts as no token. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
