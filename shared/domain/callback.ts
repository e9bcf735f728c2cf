import { z } from 'zod';
import { FollowUpOutcome } from './follow-up';
import { CallbackInteraction } from './interaction';
import { EntityId, Instant } from './row-version';

/** A callback the agent owes a customer, as the callbacks list shows it. */
export const CallbackDue = z.object({
  callback: CallbackInteraction.extend({ pendingSync: z.boolean() }),
  customerName: z.string(),
});
export type CallbackDue = z.output<typeof CallbackDue>;

/** What the agent does with a callback: made it, or it is no longer wanted. */
export const CallbackOutcome = z.enum(['done', 'cancelled']);
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;

/**
 * The outbox's `callback.status`: the callback, its new status, and when the agent set it; with how
 * the call went when the agent said so (a follow-up made). Sent only when there is one, so a server
 * that predates it still takes the change.
 */
export const CallbackStatusChange = z
  .object({ interactionId: EntityId, status: CallbackOutcome, at: Instant, outcome: FollowUpOutcome.optional() })
  .strict()
  .refine((c) => c.outcome === undefined || c.status === 'done', { message: 'only a callback made has an outcome', path: ['outcome'] });
export type CallbackStatusChange = z.output<typeof CallbackStatusChange>;
