import { z } from 'zod';
import { CustomerRow } from './customer';
import { InteractionRow } from './interaction';
import { OrderRow } from './order';

/**
 * One change in a pull batch. The server sends changes in version order; the cache applies a
 * batch and its cursor together, so a crash mid-batch resumes from the previous cursor.
 */
export const SyncRow = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('customer'), data: CustomerRow }),
  z.object({ entity: z.literal('order'), data: OrderRow }),
  z.object({ entity: z.literal('interaction'), data: InteractionRow }),
]);
export type SyncRow = z.output<typeof SyncRow>;
export type SyncRowInput = z.input<typeof SyncRow>;

/** The server's opaque position in its change feed; the cache stores it, never interprets it. */
export const SyncCursor = z.string().min(1).max(512);
export type SyncCursor = z.infer<typeof SyncCursor>;
