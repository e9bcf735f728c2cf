import { z } from 'zod';
import { call } from './core';
import { CallbackDue, CallbackOutcome } from '../domain/callback';
import { EntityId } from '../domain/row-version';

/** The callbacks the signed-in agent owes, from the cache; settling one queues it for the server. */
export const callbackCalls = {
  'callbacks.mine': call({ input: z.object({}).strict(), output: z.array(CallbackDue) }),
  'callbacks.settle': call({ input: z.object({ id: EntityId, status: CallbackOutcome }).strict(), output: z.null() }),
} as const;
