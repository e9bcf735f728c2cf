import type { Database, Statement } from 'better-sqlite3';
import { CustomerDetail } from '../../../shared/domain/customer';
import { InteractionView } from '../../../shared/domain/interaction';
import { Order } from '../../../shared/domain/order';

/**
 * What the customer panel reads: the record, its orders with their items, its history newest
 * first. Rows are parsed back through the domain schemas on the way out.
 */

interface CustomerRowData {
  id: string;
  name: string;
  emails: string;
  account_numbers: string;
  language: string | null;
  tags: string;
  addresses: string;
  version: string;
}

interface OrderRowData {
  id: string;
  customer_id: string;
  number: string;
  status: string;
  placed_at: string;
  delivered_at: string | null;
  channel: string | null;
  currency: string;
  total_minor: number;
  version: string;
  items: string;
}

/** An `interactions` row as the readers select it (version cast to text). */
export interface InteractionRowData {
  id: string;
  customer_id: string;
  kind: string;
  occurred_at: string;
  author_id: string | null;
  author_name: string | null;
  order_id: string | null;
  text: string;
  details: string;
  version: string;
  local: number;
}

export class CustomerReader {
  private readonly customer: Statement<[string], CustomerRowData>;
  private readonly phones: Statement<[string], { number: string; label: string; e164: string | null }>;
  private readonly orders: Statement<[string, number], OrderRowData>;
  private readonly interactions: Statement<[string, number], InteractionRowData>;
  private readonly interactionsBefore: Statement<[object], InteractionRowData>;

  constructor(db: Database) {
    // Versions are read as text: past 2^53 a JS number would round them.
    this.customer = db.prepare(`
      SELECT id, name, emails, account_numbers, language, tags, addresses, CAST(version AS TEXT) AS version
      FROM customers WHERE id = ?`);
    this.phones = db.prepare('SELECT number, label, e164 FROM customer_phones WHERE customer_id = ? ORDER BY position');
    this.orders = db.prepare(`
      SELECT o.id, o.customer_id, o.number, o.status, o.placed_at, o.delivered_at, o.channel, o.currency, o.total_minor,
        CAST(o.version AS TEXT) AS version,
        (SELECT json_group_array(json_object('sku', i.sku, 'name', i.name, 'quantity', i.quantity,
           'unitPriceMinor', i.unit_price_minor, 'category', i.category))
         FROM (SELECT * FROM order_items WHERE order_id = o.id ORDER BY line) i) AS items
      FROM orders o WHERE o.customer_id = ? ORDER BY o.placed_at DESC LIMIT ?`);
    this.interactions = db.prepare(`
      SELECT id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details,
        CAST(version AS TEXT) AS version, local
      FROM interactions WHERE customer_id = ? ORDER BY occurred_at DESC LIMIT ?`);
    // Keyset paging: (occurred_at, id) strictly before the last row shown, so rows with the same
    // time are neither repeated nor skipped across pages.
    this.interactionsBefore = db.prepare(`
      SELECT id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details,
        CAST(version AS TEXT) AS version, local
      FROM interactions
      WHERE customer_id = @customerId AND (@beforeAt IS NULL OR (occurred_at, id) < (@beforeAt, @beforeId))
        AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
      ORDER BY occurred_at DESC, id DESC LIMIT @limit`);
  }

  customerDetail(id: string): CustomerDetail | null {
    const row = this.customer.get(id);
    if (!row) return null;
    return CustomerDetail.parse({
      id: row.id,
      name: row.name,
      emails: JSON.parse(row.emails),
      accountNumbers: JSON.parse(row.account_numbers),
      language: row.language,
      tags: JSON.parse(row.tags),
      addresses: JSON.parse(row.addresses),
      phones: this.phones.all(id),
      version: row.version,
    });
  }

  ordersOf(customerId: string, limit: number): Order[] {
    return this.orders.all(customerId, limit).map((row) =>
      Order.parse({
        id: row.id,
        customerId: row.customer_id,
        number: row.number,
        status: row.status,
        placedAt: row.placed_at,
        // Absent rather than null when unknown, as the row came from a server that did not send it.
        ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
        ...(row.channel !== null ? { channel: row.channel } : {}),
        currency: row.currency,
        totalMinor: row.total_minor,
        items: (JSON.parse(row.items) as Record<string, unknown>[]).map(({ category, ...item }) =>
          category === null ? item : { ...item, category },
        ),
        version: row.version,
      }),
    );
  }

  historyOf(customerId: string, limit: number): InteractionView[] {
    return this.interactions.all(customerId, limit).map(toView);
  }

  /** One page of history, newest first, strictly older than `before` when given. */
  historyPage(customerId: string, before: { occurredAt: string; id: string } | null, limit: number, kinds: readonly string[] | null = null): InteractionView[] {
    return this.interactionsBefore
      .all({ customerId, beforeAt: before?.occurredAt ?? null, beforeId: before?.id ?? null, limit, kinds: kinds ? JSON.stringify(kinds) : null })
      .map(toView);
  }
}

/** A stored row as the console shows it: the kind's fields from `details`, the envelope from columns. */
export function toView(row: InteractionRowData): InteractionView {
  return InteractionView.parse({
    ...(JSON.parse(row.details) as object),
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    author: row.author_id !== null && row.author_name !== null ? { id: row.author_id, name: row.author_name } : null,
    orderId: row.order_id,
    text: row.text,
    version: row.version,
    pendingSync: row.local === 1,
  });
}
