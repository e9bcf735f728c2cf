import type { Queryable } from '../db/db';
import { Rejection } from './rejection';

export interface CustomerState {
  version: string;
  deleted: boolean;
}

/**
 * The customer a mutation is about, locked for the rest of the transaction (FOR SHARE for a new
 * history record, FOR UPDATE for an edit), so a concurrent delete cannot slip in between.
 */
export async function lockCustomer(q: Queryable, customerId: string, mode: 'share' | 'update'): Promise<CustomerState> {
  const { rows } = await q.query<CustomerState>(
    `SELECT version::text AS version, deleted FROM customers WHERE id = $1 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [customerId],
  );
  const state = rows[0];
  if (!state) {
    throw new Rejection('This customer is not on the server (it may have been merged away); the change was not saved there.');
  }
  return state;
}

/**
 * Deletes a customer the sync way: the row stays as a tombstone with a new version, so every
 * cache drops it on its next pull. Its orders and history stay (they have their own tombstones).
 * Returns false when there was no such live customer.
 */
export async function deleteCustomer(q: Queryable, customerId: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE customers SET deleted = true WHERE id = $1 AND NOT deleted', [customerId]);
  return rowCount > 0;
}

/** Deletes (tombstones) one history record. */
export async function deleteInteraction(q: Queryable, interactionId: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE interactions SET deleted = true WHERE id = $1 AND NOT deleted', [interactionId]);
  return rowCount > 0;
}
