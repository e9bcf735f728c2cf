import { z } from 'zod';
import { call } from './core';
import { CallbackDue, CallbackOutcome } from '../domain/callback';
import { FollowUpOutcome } from '../domain/follow-up';
import { EntityId } from '../domain/row-version';

/** The callbacks the signed-in agent owes, from the cache; settling one queues it for the server. */
export const callbackCalls = {
  'callbacks.mine': call({ input: z.object({}).strict(), output: z.array(CallbackDue) }),
  /** `outcome`: how the call went (a follow-up made); optional, only with `done`. */
  'callbacks.settle': call({
    input: z
      .object({ id: EntityId, status: CallbackOutcome, outcome: FollowUpOutcome.optional() })
      .strict()
      .refine((c) => c.outcome === undefined || c.status === 'done', { message: 'only a callback made has an outcome', path: ['outcome'] }),
    output: z.null(),
  }),
  /** Whether the agent asked, on this computer, for a desktop notification when a callback is due. */
  'callbacks.notifications': call({ input: z.object({}).strict(), output: z.boolean() }),
  'callbacks.setNotifications': call({ input: z.object({ enabled: z.boolean() }).strict(), output: z.boolean() }),
} as const;
