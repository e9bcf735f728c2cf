import type { Database, Statement } from 'better-sqlite3';
import { ContractFailure } from '../../../shared/contract/core';
import { CallbackDue, CallbackOutcome, CallbackStatusChange } from '../../../shared/domain/callback';
import { FollowUpOutcome } from '../../../shared/domain/follow-up';
import { EntityId } from '../../../shared/domain/row-version';
import { parseInput } from './cache-errors';
import { toView, type InteractionRowData } from './customer-reader';
import type { OutboxStore } from './outbox-store';

interface CallbackRow extends InteractionRowData {
  customer_name: string;
}

/**
 * The callbacks an agent owes: the ones they scheduled that are still to make, soonest first; and
 * marking one made or cancelled, queued for the server in the same transaction.
 */
export class CallbackBook {
  private readonly scheduled: Statement<[string, number], CallbackRow>;
  private readonly byId: Statement<[string], { kind: string; details: string; customer_id: string }>;
  private readonly update: Statement<[string, string]>;

  constructor(
    private readonly db: Database,
    private readonly outbox: OutboxStore,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {
    // Written to match the partial index interactions_scheduled_callbacks (migration 8).
    this.scheduled = db.prepare(`
      SELECT i.id, i.customer_id, i.kind, i.occurred_at, i.author_id, i.author_name, i.order_id, i.text, i.details,
             CAST(i.version AS TEXT) AS version, i.local, c.name AS customer_name
        FROM interactions i JOIN customers c ON c.id = i.customer_id
       WHERE i.author_id = ? AND i.kind = 'callback' AND json_extract(i.details, '$.status') = 'scheduled'
       ORDER BY json_extract(i.details, '$.dueAt') LIMIT ?`);
    this.byId = db.prepare('SELECT kind, details, customer_id FROM interactions WHERE id = ?');
    this.update = db.prepare('UPDATE interactions SET details = ?, local = 1 WHERE id = ?');
  }

  /** The agent's scheduled callbacks, soonest (and overdue) first. */
  mine(agentId: string, limit = 200): CallbackDue[] {
    return this.scheduled
      .all(parseInput(EntityId, agentId, 'agent id'), Math.max(1, Math.min(1_000, limit)))
      .map((row) => CallbackDue.parse({ customerName: row.customer_name, callback: toView(row) }));
  }

  /** Marks a callback made (with how it went, for a follow-up) or cancelled; returns the customer it belongs to. */
  settle(interactionId: string, status: CallbackOutcome, outcome?: FollowUpOutcome): string {
    const change = parseInput(
      CallbackStatusChange,
      {
        interactionId: parseInput(EntityId, interactionId, 'callback id'),
        status: parseInput(CallbackOutcome, status, 'callback status'),
        at: this.now().toISOString(),
        ...(outcome === undefined ? {} : { outcome: parseInput(FollowUpOutcome, outcome, 'follow-up outcome') }),
      },
      'callback status change',
    );
    return this.db
      .transaction(() => {
        const row = this.byId.get(change.interactionId);
        if (!row || row.kind !== 'callback') throw new ContractFailure('NOT_FOUND', 'This callback is not on this computer.');
        const details = JSON.parse(row.details) as { status?: string };
        if (details.status !== 'scheduled') throw new ContractFailure('CONFLICT', `This callback is already ${details.status ?? 'settled'}.`);
        const settled = change.outcome ? { ...details, status: change.status, outcome: change.outcome } : { ...details, status: change.status };
        this.update.run(JSON.stringify(settled), change.interactionId);
        this.outbox.enqueue(this.newId(), { kind: 'callback.status', payload: change });
        return row.customer_id;
      })
      .immediate();
  }
}
