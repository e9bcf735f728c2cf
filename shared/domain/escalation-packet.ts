import { z } from 'zod';
import { CallReference } from '../phone/call-reference';
import { EntityId, Instant } from './row-version';

/**
 * What travels with an escalation: the packet the agent's console fills in when they raise it, and
 * the trail of every step taken on it since (raised, approved, denied, raised to the next level).
 * Both live on the escalation's row in the customer's history, so every console that syncs sees
 * the same packet and the same trail. interaction.ts imports this file, so it imports nothing of
 * interaction.ts (the author shape is repeated here on purpose).
 */

/** The customer-relations ladder: representative (the agent), manager, director. */
export const APPROVAL_LEVELS = ['representative', 'manager', 'director'] as const;
export const ApprovalLevel = z.enum(APPROVAL_LEVELS);
export type ApprovalLevel = z.infer<typeof ApprovalLevel>;

const Currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code');
const ShortId = z.string().trim().min(1).max(64);

/**
 * What the request form's policy evaluator answered, when it ran: its outcome (a short code such
 * as `eligible`, `not-eligible`, `needs-approval` from shared/policy), the level it says may
 * approve, and the rules that decided. Taken as data: the evaluator is its own module and may grow
 * new outcomes.
 */
export const PolicyResult = z.object({
  outcome: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a short outcome code'),
  level: ApprovalLevel.optional(),
  /** The evaluator's `decidedBy`. */
  ruleIds: z.array(ShortId).max(20).default([]),
});
export type PolicyResult = z.output<typeof PolicyResult>;

/** What the customer asks for, in the agent's words, with the money when there is some. */
export const CustomerAsk = z
  .object({
    text: z.string().trim().min(1, 'say what the customer asks for').max(1_000),
    amountMinor: z.number().int().min(1).max(1e13).optional(),
    currency: Currency.optional(),
  })
  .refine((ask) => (ask.amountMinor === undefined) === (ask.currency === undefined), {
    message: 'an amount needs its currency',
    path: ['currency'],
  });
export type CustomerAsk = z.output<typeof CustomerAsk>;

export const EscalationPacket = z.object({
  /** Who the customer is, as the agent saw them when raising it. */
  customer: z.object({ id: EntityId, name: z.string().trim().min(1).max(200), tags: z.array(z.string().max(64)).max(20).default([]) }),
  order: z
    .object({ id: EntityId, number: z.string().trim().min(1).max(64), status: z.string().max(32), placedAt: Instant, currency: Currency })
    .nullable()
    .default(null),
  item: z
    .object({ sku: ShortId, name: z.string().trim().min(1).max(200), quantity: z.number().int().min(1), unitPriceMinor: z.number().int() })
    .nullable()
    .default(null),
  /** Why the agent escalates, in their words. */
  reason: z.string().trim().min(1, 'say why you are escalating').max(1_000),
  /** The exception the customer asks for. */
  request: CustomerAsk,
  policy: PolicyResult.nullable().default(null),
  /** Script steps done and guidance triggers fired during the call, by id (the guidance panel fills them). */
  scriptSteps: z.array(ShortId).max(100).default([]),
  triggers: z.array(ShortId).max(100).default([]),
  notes: z.string().trim().max(4_000).default(''),
  /** The call it was raised from, and the reference number the customer was given. */
  callId: z.string().min(1).max(300).nullable().default(null),
  callReference: CallReference.nullable().default(null),
});
export type EscalationPacket = z.output<typeof EscalationPacket>;
export type EscalationPacketInput = z.input<typeof EscalationPacket>;

export const ESCALATION_ACTIONS = ['raise', 'approve', 'deny'] as const;
export const EscalationAction = z.enum(ESCALATION_ACTIONS);
export type EscalationAction = z.infer<typeof EscalationAction>;

/** A reason the agent can read out to the customer. */
export const DecisionReason = z.string().trim().max(1_000);

/**
 * One step on an escalation: who, at what level, when (their console's clock), what they did, and
 * where it went (`from` → `to`; the same level for an approval or a denial). The first step is the
 * agent raising it from `representative`. `overLimit`: the manager's approval limit sent it to a
 * director. `id` is made where the step was taken, so a step arriving twice is one step.
 */
export const EscalationStep = z.object({
  id: EntityId,
  action: EscalationAction,
  at: Instant,
  by: z.object({ id: EntityId, name: z.string().trim().min(1).max(120) }),
  byLevel: ApprovalLevel,
  from: ApprovalLevel,
  to: ApprovalLevel,
  reason: DecisionReason.default(''),
  overLimit: z.boolean().default(false),
});
export type EscalationStep = z.output<typeof EscalationStep>;

/** Enough for every level and a few second thoughts; the server's escalation_decisions keeps all. */
export const MAX_ESCALATION_STEPS = 50;
