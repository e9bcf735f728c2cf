import { createPublicKey, verify } from 'node:crypto';
import type { z } from 'zod';
import type { SigningKey } from '../../../shared/api/monitoring';
import { GrantToken, MonitoringGrant, TakeOverOrder, type GrantRefusal } from '../../../shared/monitoring/grant';
import { RolePlayTicket } from '../../../shared/roleplay/session-ticket';

type Reading<T> = { ok: true; value: T } | { ok: false; refusal: GrantRefusal; keyId?: string };
export type TokenReading = { ok: true; grant: MonitoringGrant } | { ok: false; refusal: GrantRefusal; keyId?: string };

/**
 * Reads a server-signed token and checks its Ed25519 signature against the server's public keys.
 * Only a signature that holds makes the payload worth reading; the payload's own claims (agent,
 * call, times, modes) are checked after this.
 */
function readSigned<T extends { keyId: string }>(token: string, keys: readonly SigningKey[], schema: z.ZodType<T>): Reading<T> {
  if (!GrantToken.safeParse(token).success) return { ok: false, refusal: 'malformed' };
  const [payloadText = '', signatureText = ''] = token.split('.');
  let claimed: T;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(payloadText, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, refusal: 'malformed' };
    claimed = parsed.data;
  } catch {
    return { ok: false, refusal: 'malformed' };
  }
  const key = keys.find((each) => each.id === claimed.keyId);
  if (!key) return { ok: false, refusal: 'unknown-key', keyId: claimed.keyId };
  const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
  const holds = verify(null, Buffer.from(payloadText, 'ascii'), publicKey, Buffer.from(signatureText, 'base64url'));
  return holds ? { ok: true, value: claimed } : { ok: false, refusal: 'bad-signature' };
}

export function readGrantToken(token: string, keys: readonly SigningKey[]): TokenReading {
  const reading = readSigned(token, keys, MonitoringGrant);
  return reading.ok ? { ok: true, grant: reading.value } : reading;
}

export function readTakeOverToken(token: string, keys: readonly SigningKey[]): Reading<TakeOverOrder> {
  return readSigned(token, keys, TakeOverOrder);
}

/** A role-play session's ticket, signed with the same keys; `checkTicket` judges its claims after this. */
export function readRolePlayTicket(token: string, keys: readonly SigningKey[]): Reading<RolePlayTicket> {
  return readSigned(token, keys, RolePlayTicket);
}
