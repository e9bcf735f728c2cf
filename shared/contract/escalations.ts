import { z } from 'zod';
import { call } from './core';
import { Decision, EscalationView } from '../domain/escalation';
import { DecisionReason, EscalationPacket, PolicyResult } from '../domain/escalation-packet';
import { EscalationLevel } from '../domain/interaction';
import { OrderItem } from '../domain/order';
import { EntityId } from '../domain/row-version';
import { CallReference } from '../phone/call-reference';

/**
 * Escalations from the console: the agent raises one from the call (the host fills the packet in
 * from its cache and queues it like a note), watches it for a decision, and a supervisor, manager
 * or admin decides on the ones waiting at or below their level. Every call answers from the local
 * cache; decisions and raises go up through the outbox, and come back to every console by sync.
 */

/** What the agent gives; the host adds the customer, order and item as its cache holds them. */
export const EscalationRequest = z
  .object({
    customerId: EntityId,
    orderId: EntityId.nullable().default(null),
    /** The order item it is about; needs `orderId`. */
    itemSku: OrderItem.shape.sku.nullable().default(null),
    reason: EscalationPacket.shape.reason,
    request: z
      .object({
        text: z.string().trim().min(1, 'say what the customer asks for').max(1_000),
        amountMinor: z.number().int().min(1).max(1e13).optional(),
        /** Defaults to the order's currency. */
        currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code').optional(),
      })
      .strict(),
    /** The request form's policy result, when it computed one. */
    policy: PolicyResult.nullable().default(null),
    scriptSteps: EscalationPacket.shape.scriptSteps,
    triggers: EscalationPacket.shape.triggers,
    notes: EscalationPacket.shape.notes,
    /** The call it is raised from, when there is one, and the reference number the customer was given. */
    callId: z.string().min(1).max(300).nullable().default(null),
    callReference: CallReference.nullable().default(null),
  })
  .strict()
  .refine((r) => r.itemSku === null || r.orderId !== null, { message: 'an item needs its order', path: ['itemSku'] });
export type EscalationRequest = z.input<typeof EscalationRequest>;
export type ParsedEscalationRequest = z.output<typeof EscalationRequest>;

export const DecisionInput = z
  .object({
    escalationId: EntityId,
    decision: Decision,
    reason: DecisionReason.default(''),
    /** The level the decider's screen showed. */
    seenLevel: EscalationLevel,
  })
  .strict()
  .refine((d) => d.decision !== 'deny' || d.reason !== '', { message: 'say why, in words the agent can read out', path: ['reason'] });
export type DecisionInput = z.input<typeof DecisionInput>;

/** One row of the supervisor's queue: the escalation and who the customer is. */
export const QueueEntry = z.object({ escalation: EscalationView, customerName: z.string().nullable() });
export type QueueEntry = z.output<typeof QueueEntry>;

export const EscalationQueue = z.object({
  /** The level the signed-in person decides at; null: they decide nothing (the list is empty). */
  level: z.enum(['manager', 'director']).nullable(),
  /** Waiting escalations at or below that level, oldest first. */
  items: z.array(QueueEntry),
});
export type EscalationQueue = z.output<typeof EscalationQueue>;

export const escalationCalls = {
  /** Raises an escalation; NOT_FOUND for an unknown customer, order or item. */
  'escalations.raise': call({ input: EscalationRequest, output: EscalationView }),
  /** The customer's escalations, newest first (the agent's banner and the timeline's trail). */
  'escalations.forCustomer': call({
    input: z.object({ customerId: EntityId, limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.array(EscalationView),
  }),
  /** The signed-in person's queue. */
  'escalations.queue': call({ input: z.object({ limit: z.number().int().min(1).max(500).default(200) }).strict(), output: EscalationQueue }),
  /** Approve, deny (with a reason) or raise; FORBIDDEN above the person's level, CONFLICT when someone was first. */
  'escalations.decide': call({ input: DecisionInput, output: EscalationView }),
} as const;
