import { z } from 'zod';
import { call, event } from './core';
import { DispositionCode } from '../domain/disposition';
import { EntityId, Instant } from '../domain/row-version';
import { PendingWrapUp, WrapUpInput } from '../domain/wrap-up';
import { CallRecord } from '../phone/call-record';

/**
 * After-call work. The phone tells the host when a call connects and when it ends
 * (`calls.logEnded`); an answered call puts the agent in `after_call_work` until its wrap-up is
 * saved here, or until the limit runs out and the host saves it with the default disposition.
 * The disposition list is the server's, kept in the person's cache for offline work.
 */

const NoInput = z.object({}).strict();

export const DispositionChoices = z.object({
  /** In picker order. */
  dispositions: z.array(DispositionCode),
  /** When this machine last fetched the list; null before the first fetch (offline since sign-in). */
  fetchedAt: Instant.nullable(),
});
export type DispositionChoices = z.output<typeof DispositionChoices>;

export const WrapUpSaved = z.object({
  /** The next answered call still waiting for its wrap-up (two lines: there may be one). */
  next: PendingWrapUp.nullable(),
});

export const wrapUpCalls = {
  /** A call on one of the lines connected: the agent is on a call. */
  'calls.connected': call({ input: z.object({ callId: CallRecord.shape.id }).strict(), output: z.null() }),
  /** The call waiting for its wrap-up, if any (after a restart, too). */
  'wrapUp.pending': call({ input: NoInput, output: PendingWrapUp.nullable() }),
  'wrapUp.save': call({ input: WrapUpInput, output: WrapUpSaved }),
  /**
   * The agent says who an ended call was with (the caller ID guessed wrong, several customers share
   * the number, or it named nobody). Only before the wrap-up is saved: the wrap-up carries the
   * customer to the server, and the call goes on that customer's timeline. While the call is still
   * on a line the console keeps the choice itself and the record carries it.
   */
  'calls.linkCustomer': call({ input: z.object({ callId: CallRecord.shape.id, customerId: EntityId }).strict(), output: CallRecord }),
  /** The disposition codes, from the cache; refreshed from the server in the background. */
  'dispositions.list': call({ input: NoInput, output: DispositionChoices }),
} as const;

export const wrapUpEvents = {
  /** A wrap-up became due, was saved, or was saved by the host when the limit ran out. */
  'wrapUp.changed': event({ payload: PendingWrapUp.nullable() }),
} as const;
