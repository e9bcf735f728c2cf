import { z } from 'zod';
import { EntityId } from './row-version';

/**
 * Retention follow-ups. After a big problem (today: a supervisor denying an escalation) the server
 * schedules a `callback` for the agent who raised it, due a few days later, with `followUp` saying
 * why; completing it records an `outcome`. Both are optional fields of the callback row, so older
 * rows and older consoles read them as plain callbacks. interaction.ts imports this file.
 */

/** Why the follow-up was scheduled: a denied refund (the ask had money in it) or another denied escalation. */
export const FOLLOW_UP_REASONS = ['denied-refund', 'denied-escalation'] as const;
export const FollowUpReason = z.enum(FOLLOW_UP_REASONS);
export type FollowUpReason = z.infer<typeof FollowUpReason>;

export const FollowUpOrigin = z.object({
  reason: FollowUpReason,
  /** The escalation whose decision scheduled it. */
  escalationId: EntityId,
  /** What the customer asked for, and the reason the decider gave, as they were at the decision. */
  ask: z.string().trim().max(1_000).default(''),
  decisionReason: z.string().trim().max(1_000).default(''),
});
export type FollowUpOrigin = z.output<typeof FollowUpOrigin>;

/** How the follow-up call went. */
export const FOLLOW_UP_RESULTS = ['resolved', 'accepted-alternative', 'still-unhappy', 'no-answer'] as const;
export const FollowUpResult = z.enum(FOLLOW_UP_RESULTS);
export type FollowUpResult = z.infer<typeof FollowUpResult>;

export const FollowUpOutcome = z.object({ result: FollowUpResult, note: z.string().trim().max(1_000).default('') }).strict();
export type FollowUpOutcome = z.output<typeof FollowUpOutcome>;

/** The delay before a follow-up is due when KALMA_FOLLOW_UP_DAYS is not set. */
export const DEFAULT_FOLLOW_UP_DAYS = 2;

/** When a follow-up scheduled at `from` is due. */
export function followUpDueAt(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString();
}
