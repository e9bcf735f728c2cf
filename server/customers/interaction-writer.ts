import type { AgentInteraction } from '../../shared/domain/outbox';
import type { Author } from '../../shared/domain/interaction';
import type { Queryable } from '../db/db';
import { lockCustomer } from './customer-store';
import { interactionColumns } from './import';
import { Rejection } from './rejection';

/** How the agent would name what they wrote, for reasons shown next to it. */
const NOUN: Record<AgentInteraction['kind'], string> = {
  note: 'note',
  call: 'call record',
  complaint: 'complaint',
  return_request: 'return request',
  refund_request: 'refund request',
  exchange_request: 'exchange request',
  escalation: 'escalation',
  callback: 'callback',
};

/**
 * Adds a history record an agent wrote. The author is whoever is signed in (the payload's author
 * is not trusted); the version comes from the table. Refused for a customer that is gone, an
 * order that is not the customer's, or an id already taken by another record.
 */
export async function createAgentInteraction(q: Queryable, author: Author, interaction: AgentInteraction): Promise<void> {
  const noun = NOUN[interaction.kind];
  const customer = await lockCustomer(q, interaction.customerId, 'share');
  if (customer.deleted) throw new Rejection(`This customer was deleted on the server; the ${noun} was not saved there.`);
  if (interaction.orderId !== null) {
    const { rows } = await q.query<{ customer_id: string; deleted: boolean }>('SELECT customer_id, deleted FROM orders WHERE id = $1', [
      interaction.orderId,
    ]);
    const order = rows[0];
    if (!order || order.deleted) throw new Rejection(`The order this ${noun} is about is not on the server; the ${noun} was not saved there.`);
    if (order.customer_id !== interaction.customerId) {
      throw new Rejection(`The order this ${noun} is about belongs to another customer; the ${noun} was not saved there.`);
    }
  }
  const row = { ...interactionColumns({ ...interaction, author, version: '0', deleted: false }) };
  const { rowCount } = await q.query(
    `INSERT INTO interactions (id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
     ON CONFLICT (id) DO NOTHING`,
    [row.id, row.customer_id, row.kind, row.occurred_at, row.author_id, row.author_name, row.order_id, row.text, JSON.stringify(row.details)],
  );
  if (rowCount === 0) {
    throw new Rejection(`Another record with this ${noun}'s id is already on the server; the ${noun} was not saved again.`);
  }
}
