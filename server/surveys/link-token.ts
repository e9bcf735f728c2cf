import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/db';

/**
 * Survey link tokens: `<id>.<mac>`, both base64url — the invitation's UUID (16 bytes) and the first
 * 16 bytes of HMAC-SHA256 over it with a secret kept in the database (survey_link_secrets), so every
 * instance checks what any other signed. An HMAC rather than the monitoring Ed25519 key: only this
 * server ever checks a link (no one needs a public key), the token stays 45 characters (fits an
 * SMS; an Ed25519 signature alone is 86), and a key made for monitoring grants never signs anything
 * else. Expiry and "answered" live on the invitation row, not in the token.
 */

const LOCK_KEY = 4_202_611_020;
const MAC_BYTES = 16;
const CONTEXT = 'kalma-survey-link:v1:';

export interface LinkSecret {
  id: string;
  key: Buffer;
}

const cache = new Map<string, Buffer>();

/** The newest secret, made on first use (once, however many instances start together). */
export async function currentLinkSecret(q: Queryable): Promise<LinkSecret> {
  const existing = await newest(q);
  if (existing) return existing;
  await q.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
  const made = await newest(q);
  if (made) return made;
  const fresh = { id: randomUUID(), key: randomBytes(32) };
  await q.query('INSERT INTO survey_link_secrets (id, secret) VALUES ($1, $2)', [fresh.id, fresh.key.toString('base64')]);
  return fresh;
}

async function newest(q: Queryable): Promise<LinkSecret | null> {
  const { rows } = await q.query<{ id: string; secret: string }>('SELECT id, secret FROM survey_link_secrets ORDER BY created_at DESC LIMIT 1');
  const row = rows[0];
  return row ? { id: row.id, key: Buffer.from(row.secret, 'base64') } : null;
}

export async function linkSecret(q: Queryable, id: string): Promise<LinkSecret | null> {
  const known = cache.get(id);
  if (known) return { id, key: known };
  const { rows } = await q.query<{ secret: string }>('SELECT secret FROM survey_link_secrets WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) return null;
  const key = Buffer.from(row.secret, 'base64');
  cache.set(id, key);
  return { id, key };
}

function macOf(invitationId: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(CONTEXT + invitationId).digest().subarray(0, MAC_BYTES);
}

export function signLink(invitationId: string, key: Buffer): string {
  const idBytes = Buffer.from(invitationId.replace(/-/g, ''), 'hex');
  if (idBytes.length !== 16) throw new Error('a survey invitation id is a UUID');
  return `${idBytes.toString('base64url')}.${macOf(invitationId, key).toString('base64url')}`;
}

/** The invitation id a token names, or null when it is not a token's shape. Not yet verified. */
export function invitationIdOf(token: string): { id: string; mac: Buffer } | null {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const idBytes = Buffer.from(match[1]!, 'base64url');
  const mac = Buffer.from(match[2]!, 'base64url');
  if (idBytes.length !== 16 || mac.length !== MAC_BYTES) return null;
  const hex = idBytes.toString('hex');
  // Re-encoding must give the same text: no second spelling of one token.
  if (idBytes.toString('base64url') !== match[1] || mac.toString('base64url') !== match[2]) return null;
  return { id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, mac };
}

export function macMatches(invitationId: string, mac: Buffer, key: Buffer): boolean {
  return timingSafeEqual(macOf(invitationId, key), mac);
}

export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl}/s/${token}`;
}
