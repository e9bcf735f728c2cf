import { z } from 'zod';
import { NoteInteraction } from './interaction';
import { Instant } from './row-version';

/**
 * What the agent wrote on this machine, waiting to reach the server. Each mutation has a
 * client-generated id; the server records it with the change so a retried post is a no-op.
 * New kinds (call log, disposition, wrap-up, scores, escalation requests) join this union.
 */
export const OutboxMutation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interaction.create'), payload: NoteInteraction }),
]);
export type OutboxMutation = z.output<typeof OutboxMutation>;
export type OutboxKind = OutboxMutation['kind'];

export const OutboxEntry = z.object({
  id: z.uuid(),
  kind: z.string(),
  payload: z.unknown(),
  createdAt: Instant,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  /** Set when the server refused the mutation for good; kept so the agent can see what failed. */
  rejectedReason: z.string().nullable(),
});
export type OutboxEntry = z.output<typeof OutboxEntry>;

/** Where the outbox stands, for the sync indicator. */
export const OutboxCounts = z.object({ pending: z.number().int(), rejected: z.number().int() });
export type OutboxCounts = z.output<typeof OutboxCounts>;

export const OutboxIds = z.array(z.uuid()).max(10_000);
export const RejectReason = z.string().trim().min(1).max(1_000);
