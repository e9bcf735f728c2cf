import { z } from 'zod';
import { GRANT_CLOCK_SKEW_SECONDS, GrantToken, isExpired } from '../monitoring/grant';
import { Language } from '../domain/user';
import { ScenarioId } from './scenario';

/**
 * A role-play session's ticket: the central server's signed word that this call is a training
 * call of this scenario, placed by this trainer (or peer) to this trainee. It travels in a SIP
 * header on the INVITE; the trainee's console checks it (same Ed25519 keys and token format as
 * monitoring grants) before showing the TRAINING banner and the synthetic customer. A call
 * without a valid ticket is an ordinary call: a forged header can never make a real customer's
 * call look like training, nor training look real.
 */

/** How long a ticket may be used to place the call. */
export const TICKET_TTL_SECONDS = 300;

export const RolePlayTicket = z
  .object({
    v: z.literal(1),
    kind: z.literal('role-play'),
    /** The session's id. */
    id: z.uuid(),
    keyId: z.string().min(1).max(64),
    scenarioId: ScenarioId,
    scenarioVersion: z.number().int().min(1),
    language: Language,
    /** Who places the call and plays the customer: the trainer, or in peer practice a trainee. */
    callerId: z.string().min(1).max(64),
    callerName: z.string().min(1).max(120),
    traineeId: z.string().min(1).max(64),
    peer: z.boolean(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .strict();
export type RolePlayTicket = z.infer<typeof RolePlayTicket>;

export const RolePlayTicketToken = GrantToken;

/** The SIP header carrying the ticket token on the training call's INVITE. */
export const ROLEPLAY_HEADER = 'X-Kalma-Roleplay';

export const TicketRefusal = z.enum(['malformed', 'bad-signature', 'unknown-key', 'expired', 'not-yet-valid', 'other-trainee']);
export type TicketRefusal = z.infer<typeof TicketRefusal>;

/** What the trainee's console checks once the signature holds. */
export function checkTicket(ticket: RolePlayTicket, at: { now: Date; userId: string }): TicketRefusal | null {
  if (isExpired(ticket.expiresAt, at.now)) return 'expired';
  if (Date.parse(ticket.issuedAt) - GRANT_CLOCK_SKEW_SECONDS * 1000 > at.now.getTime()) return 'not-yet-valid';
  if (ticket.traineeId !== at.userId) return 'other-trainee';
  return null;
}
