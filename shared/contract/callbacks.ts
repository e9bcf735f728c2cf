import { z } from 'zod';
import { call } from './core';
import { CallbackDue, CallbackOutcome } from '../domain/callback';
import { EntityId } from '../domain/row-version';

/** The callbacks the signed-in agent owes, from the cache; settling one queues it for the server. */
export const callbackCalls = {
  'callbacks.mine': call({ input: z.object({}).strict(), output: z.array(CallbackDue) }),
  'callbacks.settle': call({ input: z.object({ id: EntityId, status: CallbackOutcome }).strict(), output: z.null() }),
  /** Whether the agent asked, on this computer, for a desktop notification when a callback is due. */
  'callbacks.notifications': call({ input: z.object({}).strict(), output: z.boolean() }),
  'callbacks.setNotifications': call({ input: z.object({ enabled: z.boolean() }).strict(), output: z.boolean() }),
} as const;
