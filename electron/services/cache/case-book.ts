import type { Database, Statement } from 'better-sqlite3';
import { CaseInput, type ParsedCase } from '../../../shared/contract/cases';
import { ContractFailure } from '../../../shared/contract/core';
import { Author, type InteractionView } from '../../../shared/domain/interaction';
import { AgentInteraction } from '../../../shared/domain/outbox';
import type { BatchWriter } from './batch-writer';
import { parseInput } from './cache-errors';
import type { OutboxStore } from './outbox-store';
import type { SearchIndex } from './search-index';

interface OrderOwner {
  customerId: string;
  currency: string;
}

/**
 * Complaints and return/refund/exchange requests the agent opens. Checked against the cache (the
 * customer, the order being theirs, the item being on it) so a case about the wrong parcel is
 * refused while the customer is still on the line, not later by the server. The timeline entry
 * and its outbox entry are written in one transaction, like a note.
 */
export class CaseBook {
  private readonly customerExists: Statement<[string], { id: string }>;
  private readonly orderOwner: Statement<[string], OrderOwner>;
  private readonly itemCost: Statement<[string, string], { lines: number; totalMinor: number | null }>;

  constructor(
    private readonly db: Database,
    private readonly writer: BatchWriter,
    private readonly outbox: OutboxStore,
    private readonly index: SearchIndex,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {
    this.customerExists = db.prepare('SELECT id FROM customers WHERE id = ?');
    this.orderOwner = db.prepare('SELECT customer_id AS customerId, currency FROM orders WHERE id = ?');
    // The same SKU on two lines of one order is one item to the customer: its lines are summed.
    this.itemCost = db.prepare(
      'SELECT count(*) AS lines, sum(quantity * unit_price_minor) AS totalMinor FROM order_items WHERE order_id = ? AND sku = ?',
    );
  }

  open(input: unknown, agent: Author): InteractionView {
    const parsed = parseInput(CaseInput, input, 'case');
    const author = parseInput(Author, agent, 'author');
    return this.db
      .transaction((): InteractionView => {
        if (this.customerExists.get(parsed.customerId) === undefined) {
          throw new ContractFailure('NOT_FOUND', `No customer ${parsed.customerId} on this computer.`);
        }
        const interaction = this.toInteraction(parsed, author);
        const touched = new Set<string>();
        this.writer.writeInteraction(interaction, true, touched);
        this.outbox.enqueue(this.newId(), { kind: 'interaction.create', payload: interaction });
        for (const id of touched) this.index.reindexCustomer(id);
        return { ...interaction, pendingSync: true };
      })
      .immediate();
  }

  private toInteraction(input: ParsedCase, author: Author): AgentInteraction {
    const envelope = {
      id: this.newId(),
      customerId: input.customerId,
      occurredAt: this.now().toISOString(),
      author,
      orderId: input.orderId,
      // Version 0: written here, not yet confirmed; the pulled row from the server replaces it.
      version: 0,
    };
    if (input.kind === 'complaint') {
      if (input.orderId !== null) this.orderOf(input.customerId, input.orderId);
      return parseCase({
        ...envelope,
        kind: 'complaint',
        text: input.description,
        category: input.category,
        realIssue: input.realIssue,
        desiredOutcome: input.desiredOutcome,
      });
    }
    const order = this.orderOf(input.customerId, input.orderId);
    const item = this.itemCost.get(input.orderId, input.itemSku);
    if (!item || item.lines === 0 || item.totalMinor === null) {
      throw new ContractFailure('NOT_FOUND', `Item ${input.itemSku} is not on this order.`);
    }
    const request = { ...envelope, kind: input.kind, text: input.notes, reason: input.reason, itemSku: input.itemSku };
    if (input.kind !== 'refund_request') return parseCase(request);
    if (input.currency !== undefined && input.currency !== order.currency) {
      throw new ContractFailure('INVALID_INPUT', `A refund on this order is in ${order.currency}, not ${input.currency}.`);
    }
    const amountMinor = input.amountMinor ?? item.totalMinor;
    if (amountMinor > item.totalMinor) {
      throw new ContractFailure('INVALID_INPUT', 'The refund is more than the customer paid for this item.');
    }
    return parseCase({ ...request, amountMinor, currency: order.currency });
  }

  private orderOf(customerId: string, orderId: string): OrderOwner {
    const order = this.orderOwner.get(orderId);
    if (!order) throw new ContractFailure('NOT_FOUND', `No order ${orderId} on this computer.`);
    // Another customer's order: said as not found, so one customer's orders never show through another's card.
    if (order.customerId !== customerId) throw new ContractFailure('NOT_FOUND', `Order ${orderId} is not this customer's.`);
    return order;
  }
}

/** Checked as the server will check the upload: a field it would refuse fails here, before anything is written. */
function parseCase(fields: Record<string, unknown>): AgentInteraction {
  return AgentInteraction.parse(fields);
}
