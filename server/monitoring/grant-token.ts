import type { MonitoringGrant, TakeOverOrder } from '../../shared/monitoring/grant';
import type { RolePlayTicket } from '../../shared/roleplay/session-ticket';
import type { Signer } from './signing-keys';

/**
 * `<payload>.<signature>`, both base64url: the signature covers the payload's text exactly as
 * sent, so the console verifies the bytes it received and never re-serialises JSON. Grants,
 * take-over orders and role-play tickets travel the same way, told apart by their schemas.
 */
export function signGrant(claims: MonitoringGrant | TakeOverOrder | RolePlayTicket, signer: Signer): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  const signature = signer.sign(Buffer.from(payload, 'ascii')).toString('base64url');
  return `${payload}.${signature}`;
}
