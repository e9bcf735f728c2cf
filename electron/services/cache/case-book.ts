import type { Database, Statement } from 'better-sqlite3';
import { CaseInput, CaseStatusInput, type ParsedCase } from '../../../shared/contract/cases';
import { ContractFailure } from '../../../shared/contract/core';
import {
  CaseStatusChange,
  currentStatusOf,
  fitsKind,
  isCaseKind,
  mergeStatusHistory,
  type AnyCaseStatus,
} from '../../../shared/domain/case-status';
import { Author, type CaseStatusEntry, type InteractionView } from '../../../shared/domain/interaction';
import { AgentInteraction } from '../../../shared/domain/outbox';
import type { BatchWriter } from './batch-writer';
import { parseInput } from './cache-errors';
import { toView, type InteractionRowData } from './customer-reader';
import type { OutboxStore } from './outbox-store';
import type { SearchIndex } from './search-index';

/** A case as its status change reads it. */
type CaseView = Extract<InteractionView, { kind: 'complaint' | 'return_request' | 'refund_request' | 'exchange_request' }>;

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
  private readonly row: Statement<[string], InteractionRowData>;
  private readonly writeDetails: Statement<[string, string]>;
  private readonly pendingChanges: Statement<[string], { payload: string }>;

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
    this.row = db.prepare(`
      SELECT id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details,
             CAST(version AS TEXT) AS version, local
        FROM interactions WHERE id = ?`);
    this.writeDetails = db.prepare('UPDATE interactions SET details = ?, local = 1 WHERE id = ?');
    // Written to match the partial index outbox_pending_case_status (migration 9). No ORDER BY:
    // ordering by seq would make SQLite walk the outbox instead, and the merge orders by time.
    this.pendingChanges = db.prepare(`
      SELECT payload FROM outbox
       WHERE kind = 'case.status' AND rejected_reason IS NULL
         AND json_extract(payload, '$.interactionId') IN (SELECT value FROM json_each(?))`);
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

  /**
   * Moves a case to another status: the case's row here and its `case.status` outbox entry in one
   * transaction, like a note. Returns the case as it now stands and the customer it belongs to.
   */
  changeStatus(input: unknown, agent: Author): { view: InteractionView; customerId: string } {
    const parsed = parseInput(CaseStatusInput, input, 'status change');
    const author = parseInput(Author, agent, 'author');
    return this.db
      .transaction(() => {
        const stored = this.row.get(parsed.interactionId);
        if (!stored || !isCaseKind(stored.kind)) throw new ContractFailure('NOT_FOUND', 'This case is not on this computer.');
        const kind = stored.kind;
        if (!fitsKind(kind, parsed.status)) {
          throw new ContractFailure('INVALID_INPUT', `A ${kind.replace('_', ' ')} cannot be ${parsed.status.replace('_', ' ')}.`);
        }
        const current = this.withPending([toView(stored)], author)[0] as CaseView;
        if (current.status === parsed.status) throw new ContractFailure('CONFLICT', `This case is already ${parsed.status.replace('_', ' ')}.`);
        const id = this.newId();
        const change = CaseStatusChange.parse({
          id,
          interactionId: parsed.interactionId,
          from: current.status,
          to: parsed.status,
          note: parsed.note,
          at: this.now().toISOString(),
        });
        const history = mergeStatusHistory<CaseStatusEntry>(current.statusHistory, [entryOf(change, author)]);
        const details = JSON.parse(stored.details) as Record<string, unknown>;
        this.writeDetails.run(
          JSON.stringify({ ...details, status: currentStatusOf(history, current.status), statusHistory: history }),
          parsed.interactionId,
        );
        this.outbox.enqueue(id, { kind: 'case.status', payload: change });
        const saved = this.row.get(parsed.interactionId);
        if (!saved) throw new Error(`case ${parsed.interactionId} vanished inside its own transaction`);
        return { view: this.withPending([toView(saved)], author)[0]!, customerId: stored.customer_id };
      })
      .immediate();
  }

  /**
   * Cases as this console should show them: with the status changes the agent made here that the
   * server has not sent back yet. A pull can bring the case's row as the server had it before
   * those changes arrived (another agent moved it meanwhile); the outbox still holds them, so they
   * stay on screen, marked as not uploaded, until the row comes back with them. A change the
   * server refused is left out.
   */
  withPending(views: readonly InteractionView[], agent: Author): InteractionView[] {
    const ids = views.filter((v) => isCaseKind(v.kind)).map((v) => v.id);
    if (ids.length === 0) return [...views];
    const pending = new Map<string, CaseStatusEntry[]>();
    for (const { payload } of this.pendingChanges.all(JSON.stringify(ids))) {
      const change = CaseStatusChange.safeParse(JSON.parse(payload));
      if (!change.success) continue;
      pending.set(change.data.interactionId, [...(pending.get(change.data.interactionId) ?? []), entryOf(change.data, agent)]);
    }
    return views.map((view) => {
      const mine = pending.get(view.id);
      if (!mine || !isCaseKind(view.kind)) return view;
      const kind = view.kind;
      // A change that does not fit the case's kind would be refused by the server; it never shows.
      const fitting = mine.filter((entry) => fitsKind(kind, entry.to) && fitsKind(kind, entry.from));
      const history = mergeStatusHistory<CaseStatusEntry>((view as CaseView).statusHistory, fitting);
      const status = currentStatusOf<AnyCaseStatus>(history, (view as CaseView).status);
      return { ...view, statusHistory: history, status, pendingSync: true } as InteractionView;
    });
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
    const request = {
      ...envelope,
      kind: input.kind,
      text: input.notes,
      reason: input.reason,
      itemSku: input.itemSku,
      ...(input.policy ? { policy: input.policy } : {}),
    };
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

function entryOf(change: CaseStatusChange, by: Author): CaseStatusEntry {
  return { id: change.id, at: change.at, by, from: change.from, to: change.to, note: change.note } as CaseStatusEntry;
}

/** Checked as the server will check the upload: a field it would refuse fails here, before anything is written. */
function parseCase(fields: Record<string, unknown>): AgentInteraction {
  return AgentInteraction.parse(fields);
}
