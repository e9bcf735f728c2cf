import { createPublicKey, verify } from 'node:crypto';
import type { SigningKey } from '../../../shared/api/monitoring';
import { GrantToken, MonitoringGrant, type GrantRefusal } from '../../../shared/monitoring/grant';

export type TokenReading = { ok: true; grant: MonitoringGrant } | { ok: false; refusal: GrantRefusal; keyId?: string };

/**
 * Reads a grant token and checks its Ed25519 signature against the server's public keys. Only a
 * signature that holds makes the payload worth reading; the payload's own claims (agent, call,
 * times, modes) are checked after this, by checkGrant.
 */
export function readGrantToken(token: string, keys: readonly SigningKey[]): TokenReading {
  if (!GrantToken.safeParse(token).success) return { ok: false, refusal: 'malformed' };
  const [payloadText = '', signatureText = ''] = token.split('.');
  let claimed: MonitoringGrant;
  try {
    const parsed = MonitoringGrant.safeParse(JSON.parse(Buffer.from(payloadText, 'base64url').toString('utf8')));
    if (!parsed.success) return { ok: false, refusal: 'malformed' };
    claimed = parsed.data;
  } catch {
    return { ok: false, refusal: 'malformed' };
  }
  const key = keys.find((each) => each.id === claimed.keyId);
  if (!key) return { ok: false, refusal: 'unknown-key', keyId: claimed.keyId };
  const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' });
  const holds = verify(null, Buffer.from(payloadText, 'ascii'), publicKey, Buffer.from(signatureText, 'base64url'));
  return holds ? { ok: true, grant: claimed } : { ok: false, refusal: 'bad-signature' };
}
