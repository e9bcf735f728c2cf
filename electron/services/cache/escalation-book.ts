import type { Database, Statement } from 'better-sqlite3';
import { ContractFailure } from '../../../shared/contract/core';
import { DecisionInput, EscalationRequest, type ParsedEscalationRequest, type QueueEntry } from '../../../shared/contract/escalations';
import { EscalationDecide, EscalationRaise, EscalationView, type EscalationRecord } from '../../../shared/domain/escalation';
import { EscalationPacket } from '../../../shared/domain/escalation-packet';
import {
  applyDecision,
  raisedStep,
  routeNew,
  type DecisionLevel,
  type Decider,
  type RefusalCode,
} from '../../../shared/domain/escalation-routing';
import { Author, EscalationInteraction } from '../../../shared/domain/interaction';
import { EntityId } from '../../../shared/domain/row-version';
import type { BatchWriter } from './batch-writer';
import { parseInput } from './cache-errors';
import { toView, type InteractionRowData } from './customer-reader';
import type { OutboxStore } from './outbox-store';
import type { SearchIndex } from './search-index';

const ROW_COLUMNS = `i.id, i.customer_id, i.kind, i.occurred_at, i.author_id, i.author_name, i.order_id, i.text, i.details,
  CAST(i.version AS TEXT) AS version, i.local`;

interface OrderFacts {
  customerId: string;
  number: string;
  status: string;
  placedAt: string;
  currency: string;
}

/** How a refusal reaches the page: someone was first is a conflict; the wrong person is forbidden. */
const REFUSAL_CODE: Record<RefusalCode, 'FORBIDDEN' | 'CONFLICT'> = {
  not_allowed: 'FORBIDDEN',
  below_level: 'FORBIDDEN',
  already_decided: 'CONFLICT',
  moved_on: 'CONFLICT',
  top_level: 'CONFLICT',
};

/**
 * Escalations on this machine. Raising one fills its packet in from the cache (the customer, the
 * order and item as the agent sees them) and writes the escalation and its outbox entry in one
 * transaction, like a note. Deciding applies the same rules as the server (escalation-routing.ts)
 * to the local row at once and queues the decision; the server's answer, pulled back, replaces it.
 */
export class EscalationBook {
  private readonly customer: Statement<[string], { name: string; tags: string }>;
  private readonly order: Statement<[string], OrderFacts>;
  private readonly item: Statement<[string, string], { sku: string; name: string; quantity: number; unitPriceMinor: number }>;
  private readonly byId: Statement<[string], InteractionRowData>;
  private readonly ofCustomer: Statement<[string, number], InteractionRowData>;
  private readonly waiting: Statement<[string, number], InteractionRowData & { customer_name: string | null }>;

  constructor(
    private readonly db: Database,
    private readonly writer: BatchWriter,
    private readonly outbox: OutboxStore,
    private readonly index: SearchIndex,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {
    this.customer = db.prepare('SELECT name, tags FROM customers WHERE id = ?');
    this.order = db.prepare('SELECT customer_id AS customerId, number, status, placed_at AS placedAt, currency FROM orders WHERE id = ?');
    this.item = db.prepare(
      'SELECT sku, name, quantity, unit_price_minor AS unitPriceMinor FROM order_items WHERE order_id = ? AND sku = ? ORDER BY line LIMIT 1',
    );
    this.byId = db.prepare(`SELECT ${ROW_COLUMNS} FROM interactions i WHERE i.id = ? AND i.kind = 'escalation'`);
    this.ofCustomer = db.prepare(
      `SELECT ${ROW_COLUMNS} FROM interactions i WHERE i.customer_id = ? AND i.kind = 'escalation' ORDER BY i.occurred_at DESC LIMIT ?`,
    );
    // The partial index of migration 10 holds exactly the rows this reads.
    this.waiting = db.prepare(`
      SELECT ${ROW_COLUMNS}, c.name AS customer_name
        FROM interactions i LEFT JOIN customers c ON c.id = i.customer_id
       WHERE i.kind = 'escalation' AND json_extract(i.details, '$.status') = 'open'
         AND json_extract(i.details, '$.level') IN (SELECT value FROM json_each(?))
       ORDER BY i.occurred_at, i.id LIMIT ?`);
  }

  raise(input: unknown, agent: Author): EscalationView {
    const request = parseInput(EscalationRequest, input, 'escalation');
    const author = parseInput(Author, agent, 'author');
    return this.db
      .transaction((): EscalationView => {
        const packet = this.packetFor(request);
        const id = this.newId();
        const occurredAt = this.now().toISOString();
        // Checked as the server will check the upload, before anything is written.
        const raise = EscalationRaise.parse({ id, customerId: request.customerId, orderId: request.orderId, occurredAt, packet });
        // The console does not know the manager's approval limit: the server may send it higher.
        const route = routeNew(raise.packet, null);
        const escalation = EscalationInteraction.parse({
          id,
          kind: 'escalation',
          customerId: raise.customerId,
          occurredAt,
          author,
          orderId: raise.orderId,
          text: raise.packet.reason,
          level: route.level,
          status: 'open',
          packet: raise.packet,
          trail: [raisedStep(id, occurredAt, author, route)],
          // Version 0: written here, not yet confirmed; the pulled row from the server replaces it.
          version: 0,
        });
        this.write(escalation);
        this.outbox.enqueue(this.newId(), { kind: 'escalation.raise', payload: raise });
        return { ...escalation, pendingSync: true };
      })
      .immediate();
  }

  /** The customer's escalations, newest first. */
  forCustomer(customerId: string, limit = 20): EscalationView[] {
    const id = parseInput(EntityId, customerId, 'customer id');
    return this.ofCustomer.all(id, Math.max(1, Math.min(100, Math.trunc(limit) || 1))).map(toEscalation);
  }

  /** Escalations waiting at or below `level`, oldest first. */
  queue(level: DecisionLevel | null, limit = 200): QueueEntry[] {
    if (level === null) return [];
    const levels = level === 'director' ? ['manager', 'director'] : ['manager'];
    return this.waiting
      .all(JSON.stringify(levels), Math.max(1, Math.min(500, Math.trunc(limit) || 1)))
      .map((row) => ({ escalation: toEscalation(row), customerName: row.customer_name }));
  }

  decide(input: unknown, decider: Decider): EscalationView {
    const parsed = parseInput(DecisionInput, input, 'decision');
    const author = parseInput(Author, decider.author, 'author');
    return this.db
      .transaction((): EscalationView => {
        const row = this.byId.get(parsed.escalationId);
        if (!row) throw new ContractFailure('NOT_FOUND', `No escalation ${parsed.escalationId} on this computer.`);
        const current = toEscalation(row);
        const decide = EscalationDecide.parse({ ...parsed, id: this.newId(), at: this.now().toISOString() });
        const state = { level: current.level, status: current.status, trail: current.trail ?? [] };
        // No limit here: the server applies the manager's approval limit, and its answer stays.
        const result = applyDecision(state, decide, { author, level: decider.level }, current.packet?.request ?? null, null);
        if (!result.ok) throw new ContractFailure(REFUSAL_CODE[result.refusal.code], result.refusal.message);
        if (!result.changed) return current;
        const { pendingSync: _pending, ...record } = current;
        const decided = EscalationInteraction.parse({ ...record, ...result.state });
        this.write(decided);
        this.outbox.enqueue(this.newId(), { kind: 'escalation.decide', payload: decide });
        return { ...decided, pendingSync: true };
      })
      .immediate();
  }

  private packetFor(request: ParsedEscalationRequest): EscalationPacket {
    const customer = this.customer.get(request.customerId);
    if (!customer) throw new ContractFailure('NOT_FOUND', `No customer ${request.customerId} on this computer.`);
    const order = request.orderId === null ? undefined : this.order.get(request.orderId);
    // Another customer's order is said as not found, as on the case forms.
    if (request.orderId !== null && (!order || order.customerId !== request.customerId)) {
      throw new ContractFailure('NOT_FOUND', `Order ${request.orderId} is not this customer's.`);
    }
    const item = request.itemSku === null || request.orderId === null ? null : (this.item.get(request.orderId, request.itemSku) ?? null);
    if (request.itemSku !== null && item === null) throw new ContractFailure('NOT_FOUND', `Item ${request.itemSku} is not on this order.`);
    const { amountMinor } = request.request;
    const currency = request.request.currency ?? (amountMinor === undefined ? undefined : order?.currency);
    if (amountMinor !== undefined && currency === undefined) {
      throw new ContractFailure('INVALID_INPUT', 'Say which currency the amount is in.', [{ path: 'request.currency', message: 'an amount needs its currency' }]);
    }
    return EscalationPacket.parse({
      customer: { id: request.customerId, name: customer.name, tags: JSON.parse(customer.tags) as unknown },
      order: order ? { id: request.orderId, number: order.number, status: order.status, placedAt: order.placedAt, currency: order.currency } : null,
      item,
      reason: request.reason,
      request: { text: request.request.text, ...(amountMinor === undefined ? {} : { amountMinor, currency }) },
      policy: request.policy,
      scriptSteps: request.scriptSteps,
      triggers: request.triggers,
      notes: request.notes,
      callId: request.callId,
      callReference: request.callReference,
    });
  }

  private write(escalation: EscalationRecord): void {
    const touched = new Set<string>();
    this.writer.writeInteraction(escalation, true, touched);
    for (const id of touched) this.index.reindexCustomer(id);
  }
}

function toEscalation(row: InteractionRowData): EscalationView {
  return EscalationView.parse(toView(row));
}
