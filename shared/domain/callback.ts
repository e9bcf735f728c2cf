import { z } from 'zod';
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

/** The outbox's `callback.status`: the callback, its new status, and when the agent set it. */
export const CallbackStatusChange = z
  .object({ interactionId: EntityId, status: CallbackOutcome, at: Instant })
  .strict();
export type CallbackStatusChange = z.output<typeof CallbackStatusChange>;
