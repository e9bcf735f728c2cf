import { z } from 'zod';
import { CallReference } from './call-reference';
import { EndCause, TransferKind } from './line-state';

/**
 * What the console remembers about each call: written locally when the call ends and synced like
 * other agent writes (the data layer picks these up from `calls.logEnded`). Times are ISO 8601
 * instants from the agent's machine.
 */

export const CallDirection = z.enum(['inbound', 'outbound']);
export type CallDirection = z.infer<typeof CallDirection>;

export const CallTransfer = z.object({
  kind: TransferKind,
  /** Who the call was handed to (or, for `referred`, who the other end moved us to). */
  target: z.string().max(300),
  at: z.iso.datetime(),
  outcome: z.enum(['completed', 'failed']),
});
export type CallTransfer = z.infer<typeof CallTransfer>;

export const CallRecord = z
  .object({
    /** Unique per call on this machine: the SIP Call-ID and tag, as JsSIP names the session. */
    id: z.string().min(1).max(300),
    direction: CallDirection,
    /** The other party as the line card showed it (a number or a user name). */
    number: z.string().max(300),
    /** The other party's SIP address. */
    remoteUri: z.string().max(300),
    /** The customer the number matched in the cache, when the screen-pop found one. */
    customerId: z.string().max(100).nullable(),
    line: z.union([z.literal(1), z.literal(2)]),
    startedAt: z.iso.datetime(),
    /** Null when the call was never answered. */
    answeredAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime(),
    endCause: EndCause,
    transfers: z.array(CallTransfer).max(20),
    /** The number the agent read out (call-reference.ts); the host fills it in when the page did not. */
    reference: CallReference.optional(),
  })
  .strict();
export type CallRecord = z.infer<typeof CallRecord>;

/** Whole seconds the call was connected (0 when never answered). */
export function talkSeconds(record: Pick<CallRecord, 'answeredAt' | 'endedAt'>): number {
  if (record.answeredAt === null) return 0;
  return Math.max(0, Math.round((Date.parse(record.endedAt) - Date.parse(record.answeredAt)) / 1000));
}
