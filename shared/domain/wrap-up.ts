import { z } from 'zod';
import { CallGuidanceLog } from '../guidance/call-log';
import { CallRecord } from '../phone/call-record';
import { DispositionCodeValue } from './disposition';
import { Instant } from './row-version';

/**
 * After-call work: when an answered call ends the agent records how it ended (a disposition),
 * what they did (notes), whether the customer needs a callback and whether to send the
 * satisfaction survey. Until it is saved the agent is in `after_call_work` and takes no calls;
 * when the limit runs out the console saves it with the default disposition.
 */

export const WrapUpNotes = z.string().trim().max(4_000);

/** What the agent fills in. */
export const WrapUpInput = z
  .object({
    callId: CallRecord.shape.id,
    disposition: DispositionCodeValue,
    notes: WrapUpNotes.default(''),
    /** Creates a callback for the customer at this time. */
    followUpAt: Instant.nullable().default(null),
    surveyRequested: z.boolean().default(false),
    /** What guidance did during the call, for coaching; absent when nothing fired (and from older consoles). */
    guidance: CallGuidanceLog.optional(),
    /** The agent flags the caller as abusive: the call record keeps it, and a recovery pause is offered. */
    abusive: z.boolean().default(false),
  })
  .strict();
export type WrapUpInput = z.output<typeof WrapUpInput>;
/** What a caller may pass: the optional fields take their defaults. */
export type WrapUpFields = z.input<typeof WrapUpInput>;

/** What travels to the server (`call.wrapUp`): the input, when, and whether the console did it. */
export const WrapUp = WrapUpInput.extend({
  wrappedUpAt: Instant,
  /** True when the limit ran out and the console saved it with the default disposition. */
  automatic: z.boolean(),
  /**
   * Who the call was with as it was wrapped up: the agent may have linked it to another customer
   * after its record went up with the caller ID's guess. Absent from consoles older than linking.
   */
  customerId: CallRecord.shape.customerId.optional(),
}).strict();
export type WrapUp = z.output<typeof WrapUp>;

/**
 * The floor's wrap-up rules, set on the central server (per team once supervisors manage them): a
 * target the timer is measured against, and a limit after which the console wraps up by itself
 * with the default disposition. A limit of 0 means no after-call work: every answered call is
 * saved with the default disposition as it ends and the agent is available at once.
 */
export const WrapUpRules = z.object({
  targetSeconds: z.number().int().min(0).max(3_600),
  limitSeconds: z.number().int().min(0).max(7_200),
  defaultDisposition: DispositionCodeValue,
  /**
   * How long the recovery pause offered after a call flagged abusive lasts; 0 offers none.
   * Absent from servers (and caches) older than the pause: DEFAULT_RECOVERY_PAUSE_SECONDS.
   */
  recoveryPauseSeconds: z.number().int().min(0).max(3_600).optional(),
});
export type WrapUpRules = z.output<typeof WrapUpRules>;

/** NR-17 Annex II asks for a pause after an abusive call; five minutes unless the floor says otherwise. */
export const DEFAULT_RECOVERY_PAUSE_SECONDS = 300;

export const DEFAULT_WRAP_UP_RULES: WrapUpRules = {
  targetSeconds: 60,
  limitSeconds: 300,
  defaultDisposition: 'no_disposition',
  recoveryPauseSeconds: DEFAULT_RECOVERY_PAUSE_SECONDS,
};

/** The recovery pause to offer after saving a wrap-up, in seconds; null when none is offered. */
export function recoveryPauseOffer(abusive: boolean, rules: WrapUpRules): number | null {
  const seconds = rules.recoveryPauseSeconds ?? DEFAULT_RECOVERY_PAUSE_SECONDS;
  return abusive && seconds > 0 ? seconds : null;
}

/** A call waiting for its wrap-up, as the form shows it. */
export const PendingWrapUp = z.object({
  call: CallRecord,
  /** When after-call work began (the call's end). */
  since: Instant,
  rules: WrapUpRules,
});
export type PendingWrapUp = z.output<typeof PendingWrapUp>;
