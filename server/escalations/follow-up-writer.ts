import { randomUUID } from 'node:crypto';
import type { CustomerAsk, EscalationStep } from '../../shared/domain/escalation-packet';
import { followUpDueAt, type FollowUpOrigin } from '../../shared/domain/follow-up';
import { CallbackInteraction, type Author } from '../../shared/domain/interaction';
import type { Queryable } from '../db/db';
import { interactionColumns } from '../customers/import';

export interface FollowUpRequest {
  escalationId: string;
  customerId: string;
  orderId: string | null;
  /** The agent who raised the escalation; the follow-up is theirs. Null on rows with no author. */
  agent: Author | null;
  /** The denial that schedules it. */
  step: EscalationStep;
  ask: CustomerAsk | null;
  days: number;
}

/**
 * Schedules a retention follow-up: a `callback` row for the agent who raised a denied escalation,
 * due `days` after the decision, to the customer's first phone. Written in the decision's
 * transaction (both or neither); the row is stamped like any other, so the pull feed brings it to
 * the agent's consoles, where it shows in their callbacks list. An escalation gets at most one.
 */
export async function scheduleFollowUp(q: Queryable, request: FollowUpRequest): Promise<void> {
  if (!request.agent) return;
  const existing = await q.query(
    `SELECT 1 FROM interactions WHERE kind = 'callback' AND customer_id = $1 AND details->'followUp'->>'escalationId' = $2 LIMIT 1`,
    [request.customerId, request.escalationId],
  );
  if (existing.rows.length > 0) return;
  const phone = await q.query<{ e164: string | null; raw: string }>(
    'SELECT e164, raw FROM customer_phones WHERE customer_id = $1 ORDER BY position LIMIT 1',
    [request.customerId],
  );
  const first = phone.rows[0];
  // The decision's time as the server saw it: a decider's clock running ahead does not push it out.
  const decidedAt = new Date(Math.min(Date.parse(request.step.at), Date.now()));
  const followUp: FollowUpOrigin = {
    reason: request.ask?.amountMinor !== undefined ? 'denied-refund' : 'denied-escalation',
    escalationId: request.escalationId,
    ask: request.ask?.text ?? '',
    decisionReason: request.step.reason,
  };
  const callback = CallbackInteraction.parse({
    id: randomUUID(),
    kind: 'callback',
    customerId: request.customerId,
    occurredAt: decidedAt.toISOString(),
    author: request.agent,
    orderId: request.orderId,
    text: '',
    dueAt: followUpDueAt(decidedAt, request.days),
    phone: first ? (first.e164 ?? first.raw) : null,
    status: 'scheduled',
    followUp,
    version: '0',
  });
  const row = interactionColumns(callback);
  await q.query(
    `INSERT INTO interactions (id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [row.id, row.customer_id, row.kind, row.occurred_at, row.author_id, row.author_name, row.order_id, row.text, JSON.stringify(row.details)],
  );
}
