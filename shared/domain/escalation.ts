import { z } from 'zod';
import { DecisionReason, EscalationPacket, type EscalationStep } from './escalation-packet';
import { EscalationInteraction, EscalationLevel } from './interaction';
import { EntityId, Instant } from './row-version';

/**
 * Escalations as they travel: the agent raising one (`escalation.raise`) and a supervisor, manager
 * or admin deciding on it (`escalation.decide`), both through the outbox of the console where it
 * happened. The escalation itself is an `escalation` row in the customer's history; its packet and
 * trail ride on that row (escalation-packet.ts), so the pull feed brings every decision back to the
 * agent's console and every open escalation to the supervisors' consoles.
 */

/**
 * The agent raising an escalation. The level is not sent: the server routes it (the policy's
 * level, and the manager's approval limit it alone knows). The author is whoever is signed in.
 */
export const EscalationRaise = z
  .object({
    /** The escalation's id, made on the console: the same row locally, on the server and in every cache. */
    id: z.uuid(),
    customerId: EntityId,
    orderId: EntityId.nullable().default(null),
    occurredAt: Instant,
    packet: EscalationPacket.strict(),
  })
  .strict();
export type EscalationRaise = z.output<typeof EscalationRaise>;

export const DECISIONS = ['approve', 'deny', 'raise'] as const;
export const Decision = z.enum(DECISIONS);
export type Decision = z.infer<typeof Decision>;

/**
 * A decision. `seenLevel` is the level the decider's console showed: a raise that meets an
 * escalation someone else already moved on is refused rather than applied twice. A denial carries
 * the reason the agent reads out to the customer.
 */
export const EscalationDecide = z
  .object({
    /** The step's id, made where the decision was taken: the same in the outbox, the trail and the audit. */
    id: z.uuid(),
    escalationId: EntityId,
    decision: Decision,
    reason: DecisionReason.default(''),
    seenLevel: EscalationLevel,
    at: Instant,
  })
  .strict()
  .refine((d) => d.decision !== 'deny' || d.reason !== '', { message: 'say why, in words the agent can read out', path: ['reason'] });
export type EscalationDecide = z.output<typeof EscalationDecide>;

export type EscalationRecord = z.output<typeof EscalationInteraction>;

/** An escalation as consoles show it: pending until the server has confirmed the latest change. */
export const EscalationView = EscalationInteraction.extend({ pendingSync: z.boolean() });
export type EscalationView = z.output<typeof EscalationView>;

/** Where an escalation stands, as the agent and the queue say it; `closed`: ended with no decision on record (older rows). */
export type EscalationOutcome = 'waiting' | 'approved' | 'denied' | 'closed';

/** The step that closed it (approve or deny), or null while it waits. */
export function closingStep(escalation: Pick<EscalationRecord, 'trail' | 'status'>): EscalationStep | null {
  const last = escalation.trail?.at(-1);
  return last && (last.action === 'approve' || last.action === 'deny') ? last : null;
}

export function outcomeOf(escalation: Pick<EscalationRecord, 'trail' | 'status'>): EscalationOutcome {
  const step = closingStep(escalation);
  if (step) return step.action === 'approve' ? 'approved' : 'denied';
  return escalation.status === 'open' ? 'waiting' : 'closed';
}

/** Still waiting for someone to decide (the queue's rows). */
export const isWaiting = (escalation: Pick<EscalationRecord, 'status'>): boolean => escalation.status === 'open';
