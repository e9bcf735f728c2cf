import type { CustomerCreate } from '../../shared/domain/outbox';
import { toE164 } from '../../shared/domain/phone';
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

/**
 * Inserts a customer an agent created on their console, with the id the console gave it. The row
 * takes its version and txid from the column defaults like any insert, so it reaches every console
 * through the pull feed; its phones are written in the same transaction, so the feed never hands
 * out the customer without them. An id already on the server is left as it is: the console made a
 * fresh UUID, so that can only be this same customer sent again (a retry under another mutation id).
 * Returns false when nothing was inserted.
 */
export async function createCustomer(q: Queryable, customer: CustomerCreate, now: Date = new Date()): Promise<boolean> {
  // An agent's clock may run ahead; a customer can never be created later than it arrived.
  const claimed = customer.createdAt ? new Date(customer.createdAt) : now;
  const createdAt = claimed.getTime() > now.getTime() ? now : claimed;
  const { rowCount } = await q.query(
    `INSERT INTO customers (id, name, language, tags, emails, account_numbers, addresses, created_at)
     VALUES ($1, $2, $3, ${textArray('$4')}, ${textArray('$5')}, ${textArray('$6')}, $7::jsonb, $8)
     ON CONFLICT (id) DO NOTHING`,
    [
      customer.id,
      customer.name,
      customer.language,
      JSON.stringify(customer.tags),
      JSON.stringify(customer.emails),
      JSON.stringify(customer.accountNumbers),
      JSON.stringify(customer.addresses),
      createdAt.toISOString(),
    ],
  );
  if (rowCount === 0) return false;
  for (const [position, phone] of customer.phones.entries()) {
    // Numbers arrive as E.164 (CustomerCreate), so no region is needed to read them.
    await q.query('INSERT INTO customer_phones (customer_id, position, raw, e164, label) VALUES ($1, $2, $3, $4, $5)', [
      customer.id,
      position,
      phone.number,
      toE164(phone.number, 'US'),
      phone.label,
    ]);
  }
  return true;
}

// Arrays travel as JSON text on both drivers (PGlite and pg serialise JS arrays differently).
function textArray(param: string): string {
  return `ARRAY(SELECT jsonb_array_elements_text(${param}::jsonb))`;
}
